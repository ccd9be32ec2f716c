/// Finds the variables a template uses that its context does not have, with their line and
/// column: Mustache itself renders an unknown name as nothing, which would silently drop a
/// section from a client's report.
struct TemplateCheck {
    struct Unknown: Equatable {
        var line: Int
        var column: Int
        var name: String
    }

    let partials: [String: String]

    /// A context frame: a dictionary, or `nil` for "anything" (inside an empty list).
    typealias Frame = [String: Any]?

    func unknownNames(in template: String, context: [String: Any]) -> [Unknown] {
        var stack: [Frame] = [context]
        var pushed: [Bool] = []
        return scan(template, stack: &stack, pushed: &pushed, depth: 0)
    }

    func scan(_ template: String, stack: inout [Frame], pushed: inout [Bool], depth: Int) -> [Unknown] {
        var found: [Unknown] = []
        var line = 1
        var column = 1
        var index = template.startIndex
        while index < template.endIndex {
            if template[index...].hasPrefix("{{"), let close = template[index...].range(of: "}}") {
                let tagLine = line
                let tagColumn = column
                var inner = String(template[template.index(index, offsetBy: 2)..<close.lowerBound])
                var end = close.upperBound
                if inner.hasPrefix("{"), template[end...].hasPrefix("}") {
                    inner.removeFirst()
                    end = template.index(after: end)
                }
                for character in template[index..<end] {
                    if character == "\n" {
                        line += 1
                        column = 1
                    } else {
                        column += 1
                    }
                }
                index = end
                found += tag(inner.trimmingCharacters(in: .whitespaces), tagLine, tagColumn, &stack, &pushed, depth)
                continue
            }
            if template[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index = template.index(after: index)
        }
        return found
    }

    func tag(_ inner: String, _ line: Int, _ column: Int, _ stack: inout [Frame], _ pushed: inout [Bool], _ depth: Int) -> [Unknown] {
        guard let sigil = inner.first else { return [] }
        let name = inner.dropFirst().trimmingCharacters(in: .whitespaces)
        switch sigil {
        case "!", "%", "=", "$", "<": return []
        case "/":
            if pushed.popLast() == true { stack.removeLast() }
            return []
        case ">":
            guard depth < 8, let partial = partials[name] else {
                return depth < 8 ? [Unknown(line: line, column: column, name: "> " + name)] : []
            }
            return scan(partial, stack: &stack, pushed: &pushed, depth: depth + 1)
        case "#", "^":
            let (known, value) = lookup(name, stack)
            var frame: Frame?
            if sigil == "#" {
                if let list = value as? [Any] {
                    frame = .some(list.first as? [String: Any])
                } else if let dictionary = value as? [String: Any] {
                    frame = .some(dictionary)
                } else if value == nil && known {
                    frame = .some(nil)
                }
            }
            if let frame {
                stack.append(frame)
                pushed.append(true)
            } else {
                pushed.append(false)
            }
            return known ? [] : [Unknown(line: line, column: column, name: name)]
        case "&":
            return lookup(name, stack).known ? [] : [Unknown(line: line, column: column, name: name)]
        default:
            return lookup(inner, stack).known ? [] : [Unknown(line: line, column: column, name: inner)]
        }
    }

    /// Mustache's lookup: the first frame, innermost first, that has the name's first part.
    func lookup(_ name: String, _ stack: [Frame]) -> (known: Bool, value: Any?) {
        if name == "." || name.contains("(") { return (true, nil) }
        let parts = name.split(separator: ".").map(String.init)
        for frame in stack.reversed() {
            guard let frame else { return (true, nil) }
            guard var value = frame[parts[0]] else { continue }
            for part in parts.dropFirst() {
                guard let dictionary = value as? [String: Any], let next = dictionary[part] else { return (false, nil) }
                value = next
            }
            return (true, value)
        }
        return (false, nil)
    }
}
