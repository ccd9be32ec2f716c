import Yams

/// Collects diagnostics while the YAML node tree is turned into the model, and offers typed
/// readers that report wrong types, missing fields and unknown fields with their position.
package final class DecodingContext {
    package let path: String
    package private(set) var diagnostics: [Diagnostic] = []
    package var languages: [LanguageCode] = []
    private var firstDefinitions: [String: [String: SourceLocation]] = [:]

    private let lines: [Substring]

    package init(path: String, text: String) {
        self.path = path
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Where the content of a scalar starts: after the opening quote, or on the first line of
    /// a block scalar (`|` or `>`).
    package func contentOrigin(of node: Node) -> SourceLocation {
        let start = location(node)
        guard case let .scalar(scalar) = node else { return start }
        switch scalar.style {
        case .singleQuoted, .doubleQuoted: return start.advanced(by: 1)
        case .literal, .folded:
            let line = start.line + 1
            guard line - 1 < lines.count else { return start }
            let indent = lines[line - 1].unicodeScalars.prefix { $0 == " " }.count
            return SourceLocation(line: line, column: indent + 1)
        default: return start
        }
    }

    package func error(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.error, path: path, at: location, message))
    }

    package func warning(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.warning, path: path, at: location, message))
    }

    package func location(_ node: Node) -> SourceLocation {
        guard let mark = node.mark else { return .start }
        return SourceLocation(line: mark.line, column: mark.column)
    }

    /// Records an identifier; reports it when `scope` already has it.
    package func register(_ kind: String, _ id: String, at location: SourceLocation, scope: String = "") {
        let key = kind + "|" + scope
        if let first = firstDefinitions[key]?[id] {
            error(
                location,
                "duplicate \(kind) id '\(id)'\(scope.isEmpty ? "" : " in \(scope)"); first defined at \(first); rename one of them")
        } else {
            firstDefinitions[key, default: [:]][id] = location
        }
    }

    /// Reports an id that the expression language could not name.
    package func checkIdentifier(_ id: String, _ kind: String, at location: SourceLocation) {
        if (try? /[a-z][a-z0-9_]*(\.[a-z0-9_]+)*/.wholeMatch(in: id)) == nil {
            error(
                location,
                "invalid \(kind) id '\(id)'; use lower-case letters, digits and '_', in parts separated by '.' (for example 'data.quality')"
            )
        }
    }

    /// Questions that have an id but could not be decoded: references to them are not
    /// reported again.
    package var brokenQuestions = Set<String>()

    /// The fields of a mapping node, or nil (with a diagnostic) when the node is not a mapping.
    /// `what` names the owner in messages, given its id (the value of `idKey`) when present.
    package func fields(_ node: Node, allowed: [String], idKey: String = "id", what: (String?) -> String) -> Fields? {
        let id = node.mapping?[idKey]?.string
        return fields(node, what(id), allowed: allowed)
    }

    package func fields(_ node: Node, _ what: String, allowed: [String]) -> Fields? {
        guard case let .mapping(mapping) = node else {
            error(location(node), "\(what) must be a mapping of fields, found \(describe(node))")
            return nil
        }
        var seen = Set<String>()
        for (key, _) in mapping {
            guard let name = key.string else { continue }
            seen.insert(name)
            if !allowed.contains(name) {
                error(
                    location(key),
                    "unknown field '\(name)' in \(what)\(Suggestion.hint(for: name, in: allowed)); allowed fields: \(allowed.joined(separator: ", "))"
                )
            }
        }
        return Fields(node: node, mapping: mapping, what: what, context: self)
    }

    /// The items of a sequence node; reports anything else.
    package func items(_ node: Node, _ what: String) -> [Node] {
        guard case let .sequence(sequence) = node else {
            error(location(node), "\(what) must be a list (items starting with '- '), found \(describe(node))")
            return []
        }
        return Array(sequence)
    }

    package func describe(_ node: Node) -> String {
        switch node {
        case let .scalar(scalar):
            if scalar.string.isEmpty || node.tag == .init(.null) { return "nothing" }
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return "'\(text)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
