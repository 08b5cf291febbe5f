import ClaimDeskCore
import ClaimDeskShell
import Foundation

/// An export written piece by piece to an open file descriptor (a temporary file beside the
/// target, or standard output); the first write that fails is kept and later pieces are dropped.
struct DescriptorExportOutput: ExportOutput {
    let descriptor: Int32
    private(set) var failure: HostError?

    init(descriptor: Int32) { self.descriptor = descriptor }

    mutating func write(_ bytes: [UInt8]) {
        guard failure == nil else { return }
        do { try POSIXFile.writeAll(descriptor, bytes) } catch { failure = error }
    }
}
