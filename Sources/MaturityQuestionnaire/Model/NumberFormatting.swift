extension Double {
    /// `3` rather than `3.0`, `2.5` as is: how numbers are quoted back in messages.
    public var compactDescription: String {
        if rounded() == self, abs(self) < 1e15 { return String(Int(self)) }
        return String(self)
    }
}

extension Double {
    /// Rounded to `places` decimals, half away from zero: how every reported figure is rounded.
    public func rounded(toPlaces places: Int) -> Double {
        var factor = 1.0
        for _ in 0..<max(0, places) { factor *= 10 }
        return (self * factor).rounded() / factor
    }
}
