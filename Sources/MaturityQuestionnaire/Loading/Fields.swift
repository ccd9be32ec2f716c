import Foundation
import Yams

/// The fields of one mapping node, read with type checks that report to the context.
package struct Fields {
    package let node: Node
    package let mapping: Node.Mapping
    /// "question 'strategy.priority'": names the owner in messages.
    package let what: String
    package let context: DecodingContext

    package var location: SourceLocation { context.location(node) }

    package func raw(_ key: String) -> Node? {
        guard let value = mapping[key] else { return nil }
        if case let .scalar(scalar) = value, value.tag == .init(.null) || (scalar.string.isEmpty && scalar.style == .plain) {
            return nil
        }
        return value
    }

    /// The value, or nil with a "missing required field" error.
    package func required(_ key: String, example: String) -> Node? {
        if let value = raw(key) { return value }
        let keyNode = mapping.keys.first { $0.string == key }
        context.error(keyNode.map(context.location) ?? location, "\(what) is missing required field '\(key)'; add '\(key): \(example)'")
        return nil
    }

    package func string(_ key: String, required isRequired: Bool = false, example: String = "...") -> (value: String, at: SourceLocation)? {
        guard let node = isRequired ? required(key, example: example) : raw(key) else { return nil }
        guard case let .scalar(scalar) = node else {
            context.error(context.location(node), "'\(key)' of \(what) must be a text value, found \(context.describe(node))")
            return nil
        }
        return (scalar.string, context.location(node))
    }

    package func number(_ key: String, required isRequired: Bool = false, example: String = "1") -> (value: Double, at: SourceLocation)? {
        guard let node = isRequired ? required(key, example: example) : raw(key) else { return nil }
        guard let value = Self.number(node) else {
            context.error(
                context.location(node), "'\(key)' of \(what) must be a number, found \(context.describe(node))\(Self.quoteHint(node))")
            return nil
        }
        return (value, context.location(node))
    }

    package func integer(_ key: String, required isRequired: Bool = false) -> (value: Int, at: SourceLocation)? {
        guard let (value, at) = number(key, required: isRequired) else { return nil }
        guard value.rounded() == value, abs(value) < 1e9 else {
            context.error(at, "'\(key)' of \(what) must be a whole number, found \(value.compactDescription)")
            return nil
        }
        return (Int(value), at)
    }

    package func bool(_ key: String) -> Bool? {
        guard let node = raw(key) else { return nil }
        guard case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any,
            let value = ["true": true, "false": false][scalar.string]
        else {
            context.error(context.location(node), "'\(key)' of \(what) must be true or false, found \(context.describe(node))")
            return nil
        }
        return value
    }

    /// A value from a fixed vocabulary (`phase: audit`).
    package func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, required isRequired: Bool) -> T?
    where T.RawValue == String {
        let allowed = T.allCases.map(\.rawValue)
        guard let (text, at) = string(key, required: isRequired, example: allowed.first ?? "") else { return nil }
        guard let value = T(rawValue: text) else {
            context.error(
                at,
                "'\(key)' of \(what) must be one of \(allowed.joined(separator: ", ")), found '\(text)'\(Suggestion.hint(for: text, in: allowed))"
            )
            return nil
        }
        return value
    }

    /// A map of translations, checked against the declared languages.
    package func localized(_ key: String, required isRequired: Bool = false) -> LocalizedText? {
        guard let node = isRequired ? required(key, example: "{fr: ..., en: ...}") : raw(key) else { return nil }
        return context.localizedText(node, "'\(key)' of \(what)")
    }

    package static func number(_ node: Node) -> Double? {
        guard case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any else { return nil }
        let text = scalar.string.replacingOccurrences(of: "_", with: "")
        guard let value = Double(text), value.isFinite, !text.lowercased().hasPrefix("0x") else { return nil }
        return value
    }

    package static func quoteHint(_ node: Node) -> String {
        if case let .scalar(scalar) = node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted,
            Double(scalar.string) != nil
        {
            return "; remove the quotes"
        }
        return ""
    }
}

extension DecodingContext {
    package func localizedText(_ node: Node, _ what: String) -> LocalizedText? {
        guard case let .mapping(mapping) = node else {
            error(location(node), "\(what) must be a map of translations such as {fr: ..., en: ...}, found \(describe(node))")
            return nil
        }
        var values: [LanguageCode: String] = [:]
        for (key, value) in mapping {
            let language = LanguageCode(key.string ?? "")
            guard languages.isEmpty || languages.contains(language) else {
                error(
                    location(key),
                    "\(what) has a translation in '\(language)', which is not declared in 'languages' (\(languages.map(\.rawValue).joined(separator: ", "))); declare it or remove it"
                )
                continue
            }
            guard case let .scalar(scalar) = value, !scalar.string.isBlank else {
                error(location(value), "\(what) in '\(language)' must be a non-empty text, found \(describe(value))")
                continue
            }
            values[language] = scalar.string
        }
        for language in languages where values[language] == nil && mapping[language.rawValue] == nil {
            error(location(node), "\(what) has no '\(language)' translation; add '\(language): ...'")
        }
        return LocalizedText(values)
    }
}
