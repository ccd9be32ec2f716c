import Foundation

/// A JSON value as read from an answers file, before it is checked against a question.
public enum JSONValue: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(value): try container.encode(value)
        case let .number(value): try container.encode(value)
        case let .string(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        }
    }

    /// How the value is named in messages, without quoting free text.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "true/false"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }
}

extension JSONValue {
    /// Compact JSON with sorted keys, written directly: several times faster than
    /// `JSONEncoder` for the answer documents of a batch import.
    public var compactJSON: String {
        var out = JSONBytes()
        out.value(self)
        return out.string
    }

    /// Keys in the order of their UTF-8 bytes (code point order): the same order as
    /// `String.<` for the usual ASCII keys, without its Unicode comparison.
    static func byteOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.withUTF8Bytes { left in
            rhs.withUTF8Bytes { right in
                let common = min(left.count, right.count)
                guard common > 0, let first = left.baseAddress, let second = right.baseAddress else { return left.count < right.count }
                let order = memcmp(first, second, common)
                return order != 0 ? order < 0 : left.count < right.count
            }
        }
    }
}
