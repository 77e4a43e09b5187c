/// A leaf of a MIME tree with its position, for inspection: `path` numbers the entity as MIME
/// tools do (`1` the message itself, `1.2` the second part of its multipart, `1.1` the message
/// inside a `message/rfc822` part).
struct MIMELeaf: Sendable, Equatable {
    var path: [Int]
    var type: String
    /// The body with its transfer encoding undone (charset not applied).
    var decoded: [UInt8]
}

extension MIMEWalker {
    /// Every leaf entity of the message, depth-first, with the same splitting and decoding the
    /// walker uses for reading, and the same limits.
    func leaves(of message: ArraySlice<UInt8>) -> [MIMELeaf] {
        var result: [MIMELeaf] = []
        let (headers, bodyStart) = HeaderBlock.parse(message)
        collect(headers: headers, body: message[bodyStart...], path: [1], defaultType: "text/plain", into: &result)
        return result
    }

    private func collect(
        headers: HeaderBlock, body: ArraySlice<UInt8>, path: [Int], defaultType: String, into result: inout [MIMELeaf]
    ) {
        guard path.count <= maximumDepth, result.count < maximumParts else { return }
        let (type, parameters) = Self.contentType(headers, defaultType: defaultType)
        if type.hasPrefix("multipart/"), let boundary = parameters["boundary"], !boundary.isEmpty {
            let parts = MultipartSplitter.split(body, boundary: boundary).parts
            if !parts.isEmpty {
                let childDefault = type == "multipart/digest" ? "message/rfc822" : "text/plain"
                for (offset, part) in parts.enumerated() {
                    let (partHeaders, partBodyStart) = HeaderBlock.parse(part)
                    collect(headers: partHeaders, body: part[partBodyStart...], path: path + [offset + 1],
                            defaultType: childDefault, into: &result)
                }
                return
            }
        }
        let decoded = TransferEncoding.decode(body, encoding: headers.text("Content-Transfer-Encoding"))
        if type == "message/rfc822" {
            let (nestedHeaders, nestedBodyStart) = HeaderBlock.parse(decoded[...])
            if !nestedHeaders.fields.isEmpty {
                collect(headers: nestedHeaders, body: decoded[nestedBodyStart...], path: path + [1],
                        defaultType: "text/plain", into: &result)
                return
            }
        }
        result.append(MIMELeaf(path: path, type: type, decoded: decoded))
    }
}
