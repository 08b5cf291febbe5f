/// Any JSON value, for documents whose shape is not ours (W3C annotations from other tools,
/// JSON-LD in web pages, taxonomy files) and must be read and rewritten without losing fields we
/// do not know.
///
/// Read with ``JSONReader`` (``parse(_:)``, errors with line, column and path) and written with
/// ``JSONWriter`` (keys sorted): the one JSON stack sessions use too. Numbers keep the text they
/// were written with (``JSONNumber``), so a foreign document's `12345678901234567891` or `1.50`
/// comes back as it went in.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public subscript(key: String) -> JSONValue? {
        get {
            if case .object(let o) = self { return o[key] }
            return nil
        }
        set {
            if case .object(var o) = self {
                self = .null  // lets the dictionary be changed in place rather than copied
                o[key] = newValue
                self = .object(o)
            }
        }
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The number as an `Int` when it is a whole number that fits (`3`, `3.0`, `3e2`).
    public var intValue: Int? {
        if case .number(let n) = self { return n.intValue }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var objectValue: [String: JSONValue]? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// A value that may be one item or an array of items, as JSON-LD allows: always an array.
    public var asList: [JSONValue] {
        switch self {
        case .array(let a): a
        case .null: []
        default: [self]
        }
    }

    public static func int(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }
}

/// A JSON number as it was written: its text, checked against the JSON grammar.
///
/// Keeping the text rather than a `Double` means integers past 2^53 and decimals such as `0.10`
/// survive a read and a write unchanged; ``intValue`` and ``doubleValue`` interpret it.
public struct JSONNumber: Hashable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The number's JSON text, such as `42`, `-0.5` or `1e-7`.
    public let text: String

    public init(_ value: Int) { text = String(value) }

    public init(integerLiteral value: Int) { self.init(value) }

    /// A finite `Double`, written as Swift spells it (`2.5`, `1e-07`); nil for NaN and infinities,
    /// which JSON cannot hold.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        text = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Text already checked by ``JSONReader`` to be a JSON number.
    init(validated text: String) { self.text = text }

    public var description: String { text }

    /// The value as an `Int` when it is a whole number that fits.
    public var intValue: Int? {
        if let value = Int(text) { return value }
        guard let double = Double(text), double == double.rounded(), abs(double) < 9e15 else { return nil }
        return Int(double)
    }

    /// The value as the nearest `Double`.
    public var doubleValue: Double { Double(text) ?? .nan }
}

extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}
