import ClaimDeskCore
import Foundation
import Testing

/// `load URL` and `claimdesk extract URL` against a server on 127.0.0.1 that the test starts.
@Suite(.serialized) struct FetchTests {
    static let page = """
        <!DOCTYPE html><html lang="en"><head><meta charset="windows-1252"><title>Talks stall | Meridian Wire</title>
        <meta property="og:site_name" content="Meridian Wire"><meta name="author" content="Ana Ruiz">
        <meta property="article:published_time" content="2020-03-23"></head>
        <body><nav><a href="/">Home</a></nav><article><h1>Talks stall</h1>
        <p>PORT AVERY (Meridian Wire) \u{97} Officials said on Tuesday that talks had stalled over the caf\u{E9} fees.</p>
        </article></body></html>
        """

    /// The page in windows-1252 bytes (U+0097 and U+00E9 above stand for the bytes 0x97 and 0xE9).
    static var pageBytes: Data { Data(page.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }) }

    func server() throws -> LocalHTTPServer {
        try LocalHTTPServer(routes: [
            "/story": .init(headers: [("Content-Type", "text/html")], body: Self.pageBytes),
            "/old": .init(status: 301, headers: [("Location", "/story")]),
            "/loop": .init(status: 302, headers: [("Location", "/loop")]),
            "/photo.png": .init(headers: [("Content-Type", "image/png")], body: Data([0x89, 0x50, 0x4E, 0x47])),
            "/slow": .init(stall: true),
        ])
    }

    @Test func extractFollowsARedirectAndDecodesTheDeclaredEncoding() throws {
        let server = try server()
        defer { server.stop() }
        let result = try ClaimDeskProcess.run(["extract", server.baseURL + "/old"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["title"] as? String == "Talks stall")
        #expect(json["byline"] as? String == "Ana Ruiz")
        #expect(json["site"] as? String == "Meridian Wire")
        #expect(json["published"] as? String == "2020-03-23")
        #expect(json["url"] as? String == server.baseURL + "/story")
        #expect(json["modified"] is NSNull)
        #expect(json["text"] as? String == "Talks stall\n\nPORT AVERY (Meridian Wire) — Officials said on Tuesday that talks had stalled over the café fees.\n")
        #expect(server.paths == ["/old", "/story"])
    }

    @Test func loadKeepsTheFetchedBytesHashAndFinalAddress() throws {
        let server = try server()
        defer { server.stop() }
        let folder = try ClaimDeskProcess.temporaryDirectory()
        let result = try ClaimDeskProcess.run(["-c", "load \(server.baseURL)/old; save fetched"], in: folder,
                                              environment: ["CLAIMDESK_SESSIONS": folder.path + "/sessions"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Loaded \"Talks stall\" by Ana Ruiz (Meridian Wire, 2020-03-23): 2 paragraphs, 2 sentences"))
        let session = try SessionDocument.decode(Data(contentsOf: folder.appendingPathComponent("sessions/fetched.json")))
        let article = try #require(session.articles["a1"])
        var bytes = [UInt8](Self.pageBytes)
        #expect(article.metadata.fetchedSHA256 == SHA256Digest.hex(ofBytes: &bytes))
        #expect(article.metadata.fetchedURL == server.baseURL + "/story")
        #expect(article.origin == server.baseURL + "/story")
    }

    @Test(arguments: [
        ("/loop", "more than 5 redirects; open the URL in a browser and load its final address"),
        ("/photo.png", "the server sent image/png, not a web page or text"),
        ("/missing", "the server answered HTTP 404"),
        ("/slow", "no complete answer within 1 s; try again or save the page and load the file"),
    ])
    func refusesWhatIsNotAPageInTime(path: String, message: String) throws {
        let server = try server()
        defer { server.stop() }
        let result = try ClaimDeskProcess.run(["extract", server.baseURL + path], environment: ["CLAIMDESK_FETCH_TIMEOUT": "1"])
        #expect(result.status == 1)
        #expect(result.stderr == "claimdesk: error: cannot extract \(server.baseURL + path): \(message)\n")
        let folder = try ClaimDeskProcess.temporaryDirectory()
        let shell = try ClaimDeskProcess.run(["-c", "load \(server.baseURL + path)"], in: folder,
                                             environment: ["CLAIMDESK_FETCH_TIMEOUT": "1", "CLAIMDESK_SESSIONS": folder.path + "/sessions"])
        #expect(shell.stderr.contains("error: cannot load \(server.baseURL + path): \(message)"))
    }

    @Test func onlyHTTPAndHTTPSAreFetched() throws {
        let result = try ClaimDeskProcess.run(["extract", "https://"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("claimdesk: error: cannot extract https://: cannot fetch it: "))
    }
}
