import ClaimDeskCore
import Foundation

/// Checks a JSON value against a JSON Schema (draft-07), for the keywords our own schema uses:
/// type, const, enum, required, properties, additionalProperties, items, pattern, minimum,
/// minLength, minItems and local `$ref`s. Returns one message per violation, with its path.
struct JSONSchemaValidator {
    let root: JSONValue

    func validate(_ value: JSONValue) -> [String] {
        var problems: [String] = []
        check(value, against: root, path: "$", problems: &problems)
        return problems
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: JSONValue? = root
        for part in reference.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
        return node
    }

    private func check(_ value: JSONValue, against schema: JSONValue, path: String, problems: inout [String]) {
        if let reference = schema["$ref"]?.stringValue {
            guard let target = resolve(reference) else {
                problems.append("\(path): unresolved $ref \(reference)")
                return
            }
            check(value, against: target, path: path, problems: &problems)
            return
        }
        if let type = schema["type"]?.stringValue, !Self.has(value, type: type) {
            problems.append("\(path): expected \(type)")
            return
        }
        if let constant = schema["const"], constant != value { problems.append("\(path): expected \(constant)") }
        if let options = schema["enum"]?.arrayValue, !options.contains(value) { problems.append("\(path): not one of the allowed values") }
        switch value {
        case .object(let object):
            for key in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where object[key] == nil {
                problems.append("\(path): missing \(key)")
            }
            let properties = schema["properties"]?.objectValue ?? [:]
            for (key, item) in object {
                if let property = properties[key] {
                    check(item, against: property, path: "\(path).\(key)", problems: &problems)
                } else if let additional = schema["additionalProperties"] {
                    if additional == .bool(false) {
                        problems.append("\(path): unexpected \(key)")
                    } else if additional != .bool(true) {
                        check(item, against: additional, path: "\(path).\(key)", problems: &problems)
                    }
                }
            }
        case .array(let items):
            if let minimum = schema["minItems"]?.intValue, items.count < minimum { problems.append("\(path): fewer than \(minimum) items") }
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() {
                    check(item, against: itemSchema, path: "\(path)[\(index)]", problems: &problems)
                }
            }
        case .string(let text):
            if let minimum = schema["minLength"]?.intValue, text.unicodeScalars.count < minimum { problems.append("\(path): too short") }
            if let pattern = schema["pattern"]?.stringValue {
                let regex = try! NSRegularExpression(pattern: pattern)
                if regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                    problems.append("\(path): \"\(text)\" does not match \(pattern)")
                }
            }
        case .number(let number):
            if let minimum = schema["minimum"], case .number(let low) = minimum, number.doubleValue < low.doubleValue {
                problems.append("\(path): below \(low)")
            }
        default:
            break
        }
    }

    private static func has(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("number", .number): true
        case ("integer", .number(let n)): n.doubleValue.rounded() == n.doubleValue
        default: false
        }
    }
}
