import Testing
import HummingbirdTesting
@testable import ShenbaoServer
