#if canImport(Glibc)
import Glibc
#endif

/// The process's environment variables, read one name at a time.
///
/// `ProcessInfo.processInfo.environment` copies the whole environment into a new dictionary on
/// every call; the shell's start asked it five times for a handful of names (about 5% of the CPU
/// time before the first prompt). `getenv` reads just the one name.
struct ProcessEnvironment {
    subscript(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
