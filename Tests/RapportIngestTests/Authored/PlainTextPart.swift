import Foundation

/// Just enough MIME to read the corpora's `.eml` fixtures: the first `text/plain` part of a
/// message, its transfer encoding (base64, quoted-printable, 7bit) and charset undone. The real
/// MIME reader lives elsewhere in RapportIngest; these tests must not depend on it.
enum PlainTextPart {
    static func decode(_ message: String) -> String? {
        let message = message.replacingOccurrences(of: "\r\n", with: "\n")
        let (headers, body) = split(message)
        let contentType = headers["content-type"] ?? "text/plain"
        let mediaType = contentType.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces).lowercased()
        if mediaType.hasPrefix("multipart/") {
            guard let boundary = parameter("boundary", in: contentType) else { return nil }
            return parts(of: body, boundary: boundary).lazy.compactMap(decode).first
        }
        guard mediaType == "text/plain" else { return nil }
        let encoding = (headers["content-transfer-encoding"] ?? "7bit").lowercased()
        let bytes: Data
        switch encoding {
        case "base64": bytes = Data(base64Encoded: body, options: .ignoreUnknownCharacters) ?? Data()
        case "quoted-printable": bytes = quotedPrintable(body)
        default: bytes = Data(body.utf8)
        }
        switch (parameter("charset", in: contentType) ?? "us-ascii").lowercased() {
        case "iso-8859-1", "latin1": return String(data: bytes, encoding: .isoLatin1)
        case "windows-1252": return String(data: bytes, encoding: .windowsCP1252)
        default: return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Header fields (names lower-cased, folded lines joined) and the body after the blank line.
    private static func split(_ message: String) -> ([String: String], String) {
        guard let end = message.range(of: "\n\n") else { return ([:], message) }
        var fields: [String: String] = [:]
        var last: String?
        for line in message[..<end.lowerBound].split(separator: "\n") {
            if line.first == " " || line.first == "\t", let name = last {
                fields[name, default: ""] += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].lowercased()
                fields[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                last = name
            }
        }
        return (fields, String(message[end.upperBound...]))
    }

    private static func parameter(_ name: String, in value: String) -> String? {
        for piece in value.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    private static func parts(of body: String, boundary: String) -> [String] {
        var parts: [String] = []
        var current: [Substring]?
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("--" + boundary) {
                if let finished = current { parts.append(finished.joined(separator: "\n")) }
                current = line.hasPrefix("--" + boundary + "--") ? nil : []
            } else {
                current?.append(line)
            }
        }
        return parts
    }

    private static func quotedPrintable(_ text: String) -> Data {
        var bytes: [UInt8] = []
        let input = Array(text.utf8)
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "="), index + 1 < input.count {
                if input[index + 1] == UInt8(ascii: "\n") {
                    index += 2
                    continue
                }
                let digits = index + 2 < input.count ? input[(index + 1)...(index + 2)] : []
                let hex = String(decoding: digits, as: UTF8.self)
                if let value = UInt8(hex, radix: 16) {
                    bytes.append(value)
                    index += 3
                    continue
                }
            }
            bytes.append(input[index])
            index += 1
        }
        return Data(bytes)
    }
}
