/// Dates in workbooks: a cell holds a number of days since the workbook's epoch, and only its
/// number format says it is a date. Microsoft Forms writes its `Start time` and `Completion
/// time` columns so.
enum ExcelDate {
    /// Whether a number format shows a date or a time: the built-in date and time formats
    /// (14 to 22, 45 to 47), or a custom format code with a date or time part outside quotes
    /// and brackets.
    static func isDateFormat(id: Int, code: String?) -> Bool {
        if (14...22).contains(id) || (45...47).contains(id) { return true }
        guard let code else { return false }
        var quoted = false
        var bracketed = false
        var escaped = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[": bracketed = true
            case "]": bracketed = false
            case "y", "m", "d", "h", "s": if !quoted && !bracketed { return true }
            default: break
            }
        }
        return false
    }

    /// `serial` as `yyyy-MM-dd`, or `yyyy-MM-dd HH:mm:ss` when it has a time of day; nil when
    /// it is not a plausible date (negative, or past the year 9999).
    static func text(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var seconds = Int((serial * 86_400).rounded())
        // The 1900 system counts a 29 February 1900 that never was: serials from 61 on are
        // one day ahead of the calendar, and day 0 is 31 December 1899.
        var days = seconds / 86_400
        seconds %= 86_400
        let epoch: Int
        if date1904 {
            epoch = civilDays(year: 1904, month: 1, day: 1)
        } else {
            epoch = civilDays(year: 1899, month: 12, day: 31)
            if days >= 61 { days -= 1 }
        }
        let (year, month, day) = civil(fromDays: epoch + days)
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        guard seconds > 0 else { return date }
        return date + " \(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func civilDays(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a number of days since 1970-01-01.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
