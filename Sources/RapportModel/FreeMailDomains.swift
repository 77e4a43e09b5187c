/// Free-mail and consumer ISP domains: their users are strangers to each other, so an address
/// there stands for one person, not an organisation (in accounts and in threading alike).
public enum FreeMailDomains {
    public static let standard: Set<String> = [
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "ymail.com", "hotmail.com",
        "hotmail.co.uk", "outlook.com", "live.com", "msn.com", "aol.com", "icloud.com", "me.com",
        "mac.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "gmx.net", "web.de",
        "mail.com", "yandex.ru", "yandex.com", "mail.ru", "zoho.com", "fastmail.com", "hey.com",
        "simnet.is", "internet.is", "visir.is", "talnet.is",
    ]
}
