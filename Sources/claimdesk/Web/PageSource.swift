import ClaimDeskCore
import ClaimDeskShell
import ClaimDeskWeb
import Foundation

/// Reads a page for `claimdesk extract`: a URL is fetched, anything else is a file.
enum PageSource {
    static func read(_ page: String) throws(PageSourceError) -> WebArticle {
        let bytes: Data, charset: String?, address: String?
        do {
            if WebAddress.isWebAddress(page) {
                let fetched = try PageFetcher().fetch(page)
                bytes = fetched.bytes
                charset = fetched.contentType.flatMap(PageEncoding.charset(inContentType:))
                address = fetched.finalURL
            } else {
                bytes = try DiskHost.readFile(atPath: page)
                charset = nil
                address = nil
            }
        } catch {
            throw PageSourceError(message: error.message)
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
