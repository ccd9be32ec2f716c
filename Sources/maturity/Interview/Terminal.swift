import Foundation

/// The interview's screen: plain lines when piped or `--accessible`; on a TTY, a redraw per
/// question, and colours unless `NO_COLOR` is set.
struct Terminal {
    let interactive: Bool
    let redraws: Bool
    let colours: Bool

    init(accessible: Bool, environment: [String: String]) {
        interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        redraws = interactive && !accessible
        colours = interactive && !accessible && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    enum Style: String {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case cyan = "36"
    }

    func styled(_ text: String, _ style: Style) -> String { colours ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text }

    /// A new question: a fresh screen on a TTY, else a blank line between questions.
    func newScreen() {
        Output.write(redraws ? "\u{1B}[2J\u{1B}[H" : "\n")
    }

    /// A question prompt: progress line dimmed, question in bold, the command hint dimmed.
    func prompt(_ text: String, hint: String) {
        var lines = text.components(separatedBy: "\n")
        if lines.count > 1 {
            lines[0] = styled(lines[0], .cyan)
            lines[1] = styled(lines[1], .bold)
        }
        if lines.last == hint { lines[lines.count - 1] = styled(hint, .dim) }
        Output.write(lines.joined(separator: "\n") + "\n")
    }

    func show(_ text: String) { Output.write(text + "\n") }

    func problem(_ text: String) { Output.write(styled("✗ " + text, .red) + "\n") }

    func success(_ text: String) { Output.write(styled(text, .green) + "\n") }

    /// One typed line; nil at end of input (Ctrl-D, closed pipe).
    func readLine() -> String? {
        if interactive { Output.write(styled("› ", .bold)) }
        return Swift.readLine(strippingNewline: true)
    }
}
