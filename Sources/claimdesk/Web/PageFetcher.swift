import CLibCurl
import ClaimDeskShell
import Foundation

/// Fetches a web page over HTTP(S) with libcurl, within limits an analyst's shell can afford.
///
/// At most `redirectLimit` redirects, `sizeLimit` bytes and `timeout` seconds in all (the
/// `CLAIMDESK_FETCH_TIMEOUT` variable overrides it); only http and https, also after a redirect;
/// only pages (HTML, XHTML, plain text or Markdown) are accepted.
struct PageFetcher {
    var sizeLimit = 16 * 1024 * 1024
    var redirectLimit = 5
    var timeout: Double = ProcessInfo.processInfo.environment["CLAIMDESK_FETCH_TIMEOUT"].flatMap(Double.init) ?? 30

    static let acceptedTypes = ["text/html", "application/xhtml+xml", "text/plain", "text/markdown"]

    /// The buffer the write callback fills; reached through an unmanaged pointer.
    private final class Sink {
        var data = Data()
        let limit: Int
        var overLimit = false
        init(limit: Int) { self.limit = limit }
    }

    func fetch(_ address: String) throws(HostError) -> FetchedPage {
        guard claimdesk_curl_available() != 0 else {
            throw HostError("libcurl is not installed, so URLs cannot be fetched; install it (apt-get install libcurl4) or save the page and load the file")
        }
        guard let curl = claimdesk_curl_init() else { throw HostError("libcurl could not start a transfer") }
        defer { claimdesk_curl_cleanup(curl) }
        let sink = Sink(limit: sizeLimit)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let agent = "ClaimDesk/\(ClaimDesk.version)"
        let status: Int32 = address.withCString { url in
            agent.withCString { agentPointer in
                "".withCString { anyEncoding in
                    _ = claimdesk_curl_set_pointer(curl, Int32(CLAIMDESK_CURLOPT_URL), url)
                    _ = claimdesk_curl_set_pointer(curl, Int32(CLAIMDESK_CURLOPT_USERAGENT), agentPointer)
                    _ = claimdesk_curl_set_pointer(curl, Int32(CLAIMDESK_CURLOPT_ACCEPT_ENCODING), anyEncoding)
                    _ = claimdesk_curl_set_long(curl, Int32(CLAIMDESK_CURLOPT_FOLLOWLOCATION), 1)
                    _ = claimdesk_curl_set_long(curl, Int32(CLAIMDESK_CURLOPT_MAXREDIRS), redirectLimit)
                    _ = claimdesk_curl_set_long(curl, Int32(CLAIMDESK_CURLOPT_NOSIGNAL), 1)
                    _ = claimdesk_curl_set_long(curl, Int32(CLAIMDESK_CURLOPT_TIMEOUT_MS), Int(timeout * 1000))
                    _ = claimdesk_curl_set_long(curl, Int32(CLAIMDESK_CURLOPT_CONNECTTIMEOUT_MS), Int(min(timeout, 10) * 1000))
                    _ = claimdesk_curl_set_long(curl, Int32(CLAIMDESK_CURLOPT_PROTOCOLS), Int(CLAIMDESK_CURLPROTO_HTTP_HTTPS))
                    _ = claimdesk_curl_set_long(curl, Int32(CLAIMDESK_CURLOPT_REDIR_PROTOCOLS), Int(CLAIMDESK_CURLPROTO_HTTP_HTTPS))
                    _ = claimdesk_curl_set_pointer(curl, Int32(CLAIMDESK_CURLOPT_WRITEDATA), context)
                    _ = claimdesk_curl_set_write_function(curl) { bytes, size, count, context in
                        guard let bytes, let context else { return 0 }
                        let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
                        let total = size * count
                        if sink.data.count + total > sink.limit {
                            sink.overLimit = true
                            return 0
                        }
                        sink.data.append(UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self), count: total)
                        return total
                    }
                    return claimdesk_curl_perform(curl)
                }
            }
        }
        if status != 0 {
            if sink.overLimit { throw HostError("the page is larger than \(sizeLimit / 1_048_576) MB; save it and load the file") }
            switch status {
            case Int32(CLAIMDESK_CURLE_OPERATION_TIMEDOUT): throw HostError("no complete answer within \(Int(timeout)) s; try again or save the page and load the file")
            case Int32(CLAIMDESK_CURLE_TOO_MANY_REDIRECTS): throw HostError("more than \(redirectLimit) redirects; open the URL in a browser and load its final address")
            default:
                let reason = claimdesk_curl_strerror(status).map { String(cString: $0) } ?? "error \(status)"
                throw HostError("cannot fetch it: \(reason.prefix(1).lowercased() + reason.dropFirst())")
            }
        }
        let code = claimdesk_curl_info_long(curl, Int32(CLAIMDESK_CURLINFO_RESPONSE_CODE))
        let finalURL = claimdesk_curl_info_string(curl, Int32(CLAIMDESK_CURLINFO_EFFECTIVE_URL)).map { String(cString: $0) } ?? address
        if code >= 400 || code < 200 { throw HostError("the server answered HTTP \(code)") }
        let contentType = claimdesk_curl_info_string(curl, Int32(CLAIMDESK_CURLINFO_CONTENT_TYPE)).map { String(cString: $0) }
        if let contentType {
            let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            guard Self.acceptedTypes.contains(mediaType) else {
                throw HostError("the server sent \(mediaType.isEmpty ? "an unnamed type" : mediaType), not a web page or text")
            }
        }
        return FetchedPage(bytes: sink.data, finalURL: finalURL, contentType: contentType)
    }
}
