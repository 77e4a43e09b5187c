/// How the bytes of one charset become text.
enum CharsetDecoder: Sendable, Equatable {
    /// UTF-8, repaired when damaged.
    case utf8
    /// US-ASCII: 8-bit bytes in it are sniffed as UTF-8 or windows-1252.
    case ascii
    /// windows-1252, also used for ISO-8859-1 (mail software writes the former and labels it the latter).
    case windows1252
    case utf16(ByteOrder?)
    case utf32(ByteOrder?)
    /// ISO-2022-JP, read as Microsoft's CP50221 (see `ISO2022JP`).
    case iso2022jp
    /// A charset left to iconv, under iconv's name for it (sometimes a superset, e.g. CP949 for EUC-KR).
    case iconv(String)
}

/// A charset this module decodes: its canonical (IANA, lower-case) name, how to decode it, and the labels real
/// mail uses for it.
struct KnownCharset: Sendable, Equatable {
    var name: String
    var decoder: CharsetDecoder
    /// Whether bytes below 0x80 always mean ASCII, so pure-ASCII input needs no decoder at all.
    var isASCIICompatible: Bool
    var aliases: [String]

    init(_ name: String, _ decoder: CharsetDecoder, asciiCompatible: Bool = true, aliases: [String] = []) {
        self.name = name
        self.decoder = decoder
        self.isASCIICompatible = asciiCompatible
        self.aliases = aliases
    }
}

/// Finds a charset from a label as written in mail: any case, quoted, padded, with `-`, `_`, `.`, `:` or spaces
/// anywhere (`ISO_8859-1`, `iso8859-1`, `"Latin1"`), or with an `x-` prefix (`x-sjis`, `x-mac-roman`).
enum CharsetRegistry {
    static func lookup(_ label: String) -> KnownCharset? {
        let key = matchKey(label)
        guard !key.isEmpty else { return nil }
        if let found = byKey[key] { return found }
        // Experimental and vendor prefixes: x-sjis, x-euc-jp, x-mac-roman, csISOLatin2.
        for prefix in ["x", "cs"] where key.hasPrefix(prefix) {
            if let found = byKey[String(key.dropFirst(prefix.count))] { return found }
        }
        return nil
    }

    /// The label reduced to lower-case ASCII letters and digits, which is how aliases are compared.
    static func matchKey(_ label: String) -> String {
        var key = ""
        for scalar in label.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": key.unicodeScalars.append(scalar)
            case "A"..."Z": key.unicodeScalars.append(Unicode.Scalar(scalar.value + 0x20)!)
            default: continue
            }
        }
        return key
    }

    private static let byKey: [String: KnownCharset] = {
        var table: [String: KnownCharset] = [:]
        for charset in all {
            for label in [charset.name] + charset.aliases {
                let key = matchKey(label)
                precondition(table[key] == nil, "charset label \(label) is listed twice")
                table[key] = charset
            }
        }
        return table
    }()

    static let all: [KnownCharset] = unicode + westernAndCyrillic + isoLatin + windows + eastAsian

    private static let unicode: [KnownCharset] = [
        KnownCharset("utf-8", .utf8, aliases: ["unicode-1-1-utf-8", "unicode-2-0-utf-8"]),
        KnownCharset("us-ascii", .ascii, aliases: [
            "ascii", "ansi_x3.4-1968", "ansi_x3.4-1986", "iso646-us", "iso_646.irv:1991", "us", "cp367", "ibm367",
            "iso-ir-6", "7bit",
        ]),
        KnownCharset("utf-7", .iconv("UTF-7"), asciiCompatible: false,
                     aliases: ["unicode-1-1-utf-7", "unicode-2-0-utf-7"]),
        KnownCharset("utf-16", .utf16(nil), asciiCompatible: false,
                     aliases: ["ucs-2", "unicode", "iso-10646-ucs-2"]),
        KnownCharset("utf-16be", .utf16(.bigEndian), asciiCompatible: false, aliases: ["unicodefffe"]),
        KnownCharset("utf-16le", .utf16(.littleEndian), asciiCompatible: false, aliases: ["unicodefeff"]),
        KnownCharset("utf-32", .utf32(nil), asciiCompatible: false, aliases: ["ucs-4", "iso-10646-ucs-4"]),
        KnownCharset("utf-32be", .utf32(.bigEndian), asciiCompatible: false),
        KnownCharset("utf-32le", .utf32(.littleEndian), asciiCompatible: false),
    ]

    private static let westernAndCyrillic: [KnownCharset] = [
        KnownCharset("koi8-r", .iconv("KOI8-R"), aliases: ["koi8", "koi"]),
        KnownCharset("koi8-u", .iconv("KOI8-U"), aliases: ["koi8-ru"]),
        KnownCharset("ibm866", .iconv("IBM866"), aliases: ["cp866", "866"]),
        KnownCharset("ibm850", .iconv("IBM850"), aliases: ["cp850", "850"]),
        KnownCharset("ibm437", .iconv("IBM437"), aliases: ["cp437", "437"]),
        KnownCharset("macintosh", .iconv("MACINTOSH"), aliases: ["mac", "mac-roman"]),
    ]

    /// ISO-8859-1…16 (there is no -12), with their Latin-N, script-name and ISO-IR aliases.
    private static let isoLatin: [KnownCharset] = {
        let aliases: [Int: [String]] = [
            1: ["latin1", "l1", "iso-ir-100", "cp819", "ibm819", "iso_8859-1:1987", "isolatin1"],
            2: ["latin2", "l2", "iso-ir-101", "iso_8859-2:1987", "isolatin2"],
            3: ["latin3", "l3", "iso-ir-109", "iso_8859-3:1988", "isolatin3"],
            4: ["latin4", "l4", "iso-ir-110", "iso_8859-4:1988", "isolatin4"],
            5: ["cyrillic", "iso-ir-144", "iso_8859-5:1988", "isolatincyrillic"],
            6: ["arabic", "iso-ir-127", "iso_8859-6:1987", "ecma-114", "asmo-708", "iso-8859-6-i", "iso-8859-6-e",
                "isolatinarabic"],
            7: ["greek", "greek8", "iso-ir-126", "iso_8859-7:1987", "ecma-118", "elot_928", "isolatingreek"],
            8: ["hebrew", "iso-ir-138", "iso_8859-8:1988", "iso-8859-8-i", "iso-8859-8-e", "visual",
                "isolatinhebrew"],
            9: ["latin5", "l5", "iso-ir-148", "iso_8859-9:1989", "isolatin5"],
            10: ["latin6", "l6", "iso-ir-157", "iso_8859-10:1992", "isolatin6"],
            11: [],
            13: ["latin7", "l7"],
            14: ["latin8", "l8", "iso-celtic", "iso_8859-14:1998"],
            15: ["latin9", "l9", "latin0", "iso_8859-15:1998"],
            16: ["latin10", "l10", "iso_8859-16:2001"],
        ]
        return aliases.keys.sorted().map { part in
            KnownCharset("iso-8859-\(part)", part == 1 ? .windows1252 : .iconv("ISO-8859-\(part)"),
                         aliases: aliases[part, default: []])
        }
    }()

    /// windows-1250…1258 and windows-874, also written `cp1252`, `win-1252` and `ms-1252`.
    private static let windows: [KnownCharset] = {
        let pages = [1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258]
        return pages.map { page in
            KnownCharset("windows-\(page)", page == 1252 ? .windows1252 : .iconv("CP\(page)"),
                         aliases: ["cp\(page)", "win-\(page)", "ms-\(page)", "ms-cp\(page)", "ansi-\(page)"])
        } + [KnownCharset("windows-874", .iconv("CP874"), aliases: ["cp874", "tis-620", "win-874"])]
    }()

    /// CJK charsets decode with their common supersets, since mail labels vendor extensions with the base name:
    /// Shift_JIS as CP932 (which also keeps 0x5C a backslash), ISO-2022-JP as CP50221, EUC-KR as CP949, GB2312 and
    /// GBK as GB18030, Big5 as Big5-HKSCS.
    private static let eastAsian: [KnownCharset] = [
        KnownCharset("iso-2022-jp", .iso2022jp, asciiCompatible: false, aliases: ["iso-2022-jp-1", "cp50220", "cp50221"]),
        KnownCharset("iso-2022-jp-2", .iconv("ISO-2022-JP-2"), asciiCompatible: false),
        KnownCharset("iso-2022-kr", .iconv("ISO-2022-KR"), asciiCompatible: false),
        KnownCharset("shift_jis", .iconv("CP932"), aliases: ["sjis", "ms_kanji"]),
        KnownCharset("windows-31j", .iconv("CP932"), aliases: ["cp932", "ms932", "ms-cp932", "windows-932"]),
        KnownCharset("euc-jp", .iconv("EUC-JP"), aliases: ["ujis", "eucpkdfmtjapanese"]),
        KnownCharset("euc-kr", .iconv("CP949"), aliases: [
            "ks_c_5601-1987", "ks_c_5601-1989", "ks_c_5601", "korean", "iso-ir-149", "cp949",
            "windows-949", "uhc", "ms949",
        ]),
        KnownCharset("gb2312", .iconv("GB18030"), aliases: [
            "gb_2312-80", "euc-cn", "chinese", "iso-ir-58", "iso58gb231280",
        ]),
        KnownCharset("gbk", .iconv("GB18030"), aliases: ["cp936", "ms936", "windows-936"]),
        KnownCharset("gb18030", .iconv("GB18030")),
        KnownCharset("big5", .iconv("BIG5-HKSCS"), aliases: ["cn-big5", "x-x-big5", "cp950", "big5-tw"]),
        KnownCharset("big5-hkscs", .iconv("BIG5-HKSCS")),
    ]
}
