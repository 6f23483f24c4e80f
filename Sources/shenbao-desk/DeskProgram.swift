import Foundation

/// The `shenbao-desk` program: `DeskCommand` with the process set up as `shenbao` sets up its own.
@main
enum DeskProgram {
    static func main() {
        // Over the file-size limit (ulimit -f) a write fails with EFBIG and is cleaned up like one on a full
        // disk, instead of the signal killing the desk mid-write.
        signal(SIGXFSZ, SIG_IGN)
        DeskCommand.main(nil)
    }
}
