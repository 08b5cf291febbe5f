import Testing
@testable import ClaimDeskWeb

@Suite struct PageEncodingTests {
    func text(_ bytes: [UInt8], header: String? = nil) -> (String, PageEncoding) {
        let (root, encoding) = HTMLParser.parse(bytes, headerCharset: header)
        return (PageSignals.clean(root.textContent), encoding)
    }

    // "Café – “quoted”" in windows-1252.
    let cp1252Body: [UInt8] = [0x43, 0x61, 0x66, 0xE9, 0x20, 0x96, 0x20, 0x93, 0x71, 0x75, 0x6F, 0x74, 0x65, 0x64, 0x94]

    @Test func metaCharsetIsObeyed() {
        let page = Array("<html><head><meta charset=\"windows-1252\"></head><body><p>".utf8) + cp1252Body + Array("</p></body></html>".utf8)
        let (body, encoding) = text(page)
        #expect(encoding == PageEncoding(name: "windows-1252", source: .metaTag))
        #expect(body == "Café – “quoted”")
    }

    @Test func latin1LabelMeansWindows1252() {
        let page = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>".utf8)
            + cp1252Body + Array("</p></body></html>".utf8)
        let (body, encoding) = text(page)
        #expect(encoding.name == "windows-1252")
        #expect(body == "Café – “quoted”")
    }

    @Test func undeclaredInvalidUTF8IsReadAsWindows1252() {
        let page = Array("<html><body><p>".utf8) + cp1252Body + Array("</p></body></html>".utf8)
        let (body, encoding) = text(page)
        #expect(encoding == PageEncoding(name: "windows-1252", source: .sniffed))
        #expect(body == "Café – “quoted”")
    }

    @Test func undeclaredValidUTF8IsUTF8() {
        let (body, encoding) = text(Array("<html><body><p>Café – “quoted”</p></body></html>".utf8))
        #expect(encoding == PageEncoding(name: "utf-8", source: .sniffed))
        #expect(body == "Café – “quoted”")
    }

    @Test func headerBeatsMetaAndBOMBeatsHeader() {
        let page = Array("<html><head><meta charset=\"utf-8\"></head><body><p>".utf8) + cp1252Body + Array("</p></body></html>".utf8)
        #expect(text(page, header: "windows-1252").0 == "Café – “quoted”")
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<html><body><p>Café</p></body></html>".utf8)
        let (body, encoding) = text(bom, header: "windows-1252")
        #expect(encoding == PageEncoding(name: "utf-8", source: .byteOrderMark))
        #expect(body == "Café")
    }

    @Test func utf16WithBOM() {
        var page: [UInt8] = [0xFF, 0xFE]
        for unit in "<html><body><p>Ünïcode</p></body></html>".utf16 { page += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(text(page).0 == "Ünïcode")
    }

    @Test func otherEncodingsGoThroughLibxml2() {
        // "Привет" in KOI8-R.
        let koi8: [UInt8] = [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]
        let page = Array("<html><head><meta charset=\"koi8-r\"></head><body><p>".utf8) + koi8 + Array("</p></body></html>".utf8)
        #expect(text(page).0 == "Привет")
    }

    @Test(arguments: [
        ("text/html; charset=UTF-8", "UTF-8"), ("text/html;charset=\"iso-8859-1\"", "iso-8859-1"), ("text/html", nil),
    ] as [(String, String?)])
    func charsetOfContentType(_ value: String, _ expected: String?) {
        #expect(PageEncoding.charset(inContentType: value) == expected)
    }
}
