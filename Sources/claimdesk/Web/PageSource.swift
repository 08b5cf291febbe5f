import ClaimDeskCore
import ClaimDeskShell
import ClaimDeskWeb
import Foundation

/// Reads a page for `claimdesk extract`: a URL is fetched, anything else is a file.
enum PageSource {
    static func read(_ page: String) throws(PageSourceError) -> WebArticle {
        let bytes: Data, charset: String?, address: String?
        var contentTypeIsHTML = false
        do {
            if WebAddress.isWebAddress(page) {
                let fetched = try PageFetcher().fetch(page)
                bytes = fetched.bytes
                charset = fetched.contentType.flatMap(PageEncoding.charset(inContentType:))
                address = fetched.finalURL
                contentTypeIsHTML = fetched.contentType?.lowercased().contains("html") == true
            } else {
                bytes = try DiskHost.readFile(atPath: page)
                charset = nil
                address = nil
            }
        } catch {
            throw PageSourceError(message: error.message)
        }
        let isPage = address == nil ? WebPageReader.isWebPage(extensionName: PathText.pathExtension(page), bytes: [UInt8](bytes))
            : WebPageReader.looksLikeHTML([UInt8](bytes)) || contentTypeIsHTML
        guard isPage else {
            throw PageSourceError(message: "it is not a web page (HTML); extract reads pages, and load takes text files as they are")
        }
        do {
            return try WebPageReader.read([UInt8](bytes), headerCharset: charset, pageURL: address)
        } catch {
            throw PageSourceError(message: error.message)
        }
    }
}

struct PageSourceError: Error {
    var message: String
}
