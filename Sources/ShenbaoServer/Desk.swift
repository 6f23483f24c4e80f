import Foundation
import ShenbaoKit

/// One running desk: its store, its blob store, the calls it knows and its configuration.
public final class Desk: Sendable {
    public let configuration: DeskConfiguration
    public let store: any DeskStore
    public let blobs: BlobStore
    /// Page images and texts of the stored files, made by workers and cached under `previews/`.
    let previews: FilePreviews
    /// The calls that load (a broken call folder is left out, as the CLI does).
    public let specs: [CallSpec]
    /// Each call's summary format, classification rules and applicant form, by call id.
    private let resources: [String: CallResources]
    /// Now; tests may fix it.
    let clock: @Sendable () -> Date
    /// The reading jobs this server runs, with their progress.
    let readingQueue = ReadingQueue()

    public init(configuration: DeskConfiguration, clock: @escaping @Sendable () -> Date = Date.init) throws {
        self.configuration = configuration
        self.clock = clock
        let data = configuration.dataDirectory
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        chmod(data, 0o700)
        store = try SQLiteDeskStore(path: data + "/desk.sqlite")
        blobs = try BlobStore(root: data + "/files")
        previews = FilePreviews(configuration: configuration, blobs: blobs)
        specs = CallSpecLoader(directory: configuration.templates).loadEach().specs
        resources = CallResources.of(specs)
        try? FileManager.default.removeItem(atPath: data + "/tmp")  // uploads a crash interrupted
    }

    /// Removes blobs no row names and job folders no waiting job names (at start, before any upload can be
    /// under way), then queues the jobs a stop interrupted.
    public func sweep() async throws -> Int {
        let waiting = try await store.waitingJobs()
        let named = Set(waiting.map(\.folder))
        for folder in (try? FileManager.default.contentsOfDirectory(atPath: jobFolder(""))) ?? [] where !named.contains(folder) {
            try? FileManager.default.removeItem(atPath: jobFolder(folder))
        }
        let swept = blobs.sweep(keeping: try await store.referencedBlobs())
        for job in waiting { await JobReader(desk: self).enqueue(job) }
        return swept
    }

    /// The folder of a reading job's files (`jobs/NAME` in the data folder).
    func jobFolder(_ name: String) -> String { configuration.dataDirectory + "/jobs/" + name }

    public func spec(_ id: String) -> CallSpec? { specs.first { $0.id == id } }

    /// The summary format, classification rules and applicant form of one of the desk's calls.
    func resources(of spec: CallSpec) -> CallResources { resources[spec.id] ?? CallResources(spec: spec) }

    /// Creates an administrator (for `--create-admin` and first start).
    public func createAdministrator(login: String, password: String) async throws -> Account {
        if let weakness = Passwords.weakness(password) { throw DeskError(.badRequest, weakness) }
        return try await store.createAdministrator(login: login, displayName: "管理员", passwordHash: configuration.passwords.hash(password))
    }

    /// Creates a bureau account with an inbox for each of its calls.
    public func createBureau(_ bureau: NewBureau) async throws -> Account {
        if let weakness = Passwords.weakness(bureau.password) { throw DeskError(.badRequest, weakness) }
        for call in bureau.calls.keys where spec(call) == nil { throw DeskError(.badRequest, "未知的申报类别 \(call)") }
        return try await store.createBureau(bureau, passwordHash: configuration.passwords.hash(bureau.password))
    }

    /// Registers an applicant by its 统一社会信用代码 (checked as the validator checks it, typo hint included).
    public func registerApplicant(_ applicant: NewApplicant) async throws -> Account {
        var applicant = applicant
        applicant.uscc = applicant.uscc.trimmingCharacters(in: .whitespaces).uppercased()
        applicant.name = applicant.name.trimmingCharacters(in: .whitespaces)
        applicant.contact = applicant.contact.trimmingCharacters(in: .whitespaces)
        if let problem = USCCRule.message(for: applicant.uscc) { throw DeskError(.badRequest, problem) }
        guard !applicant.name.isEmpty, applicant.name.count <= 100 else { throw DeskError(.badRequest, "请填写单位名称（不超过 100 字）") }
        guard !applicant.contact.isEmpty, applicant.contact.count <= 100 else { throw DeskError(.badRequest, "请填写联系人及电话（不超过 100 字）") }
        if let weakness = Passwords.weakness(applicant.password) { throw DeskError(.badRequest, weakness) }
        do {
            return try await store.createApplicant(applicant, passwordHash: configuration.passwords.hash(applicant.password))
        } catch DeskStoreError.duplicateLogin {
            throw DeskError(.conflict, "统一社会信用代码 \(applicant.uscc) 已注册，请直接登录")
        }
    }

    /// Changes a bureau's calls and quotas, and its password when `password` is given (its sessions end).
    func updateBureau(_ account: Account, calls: [String: Int?], password: String?) async throws {
        guard account.role == .bureau else { throw DeskError.notFound }
        if let password, let weakness = Passwords.weakness(password) { throw DeskError(.badRequest, weakness) }
        for call in calls.keys where spec(call) == nil { throw DeskError(.badRequest, "未知的申报类别 \(call)") }
        for quota in calls.values { if let quota, quota < 0 || quota > 9999 { throw DeskError(.badRequest, "名额须为 0–9999 的整数") } }
        do {
            try await store.updateBureau(accountID: account.id, calls: calls, passwordHash: password.map(configuration.passwords.hash))
        } catch let error as DeskStoreError {
            throw DeskError(.conflict, error.description)
        }
    }

    /// Takes a folder on this machine into a bureau's inbox for `call`, read when the server runs (`serve --import`).
    public func importFolder(_ path: String, bureau login: String, call: String) async throws -> Int64 {
        guard let account = try await store.account(login: login), !account.isAdministrator,
              let inbox = try await store.inboxes(accountID: account.id).first(where: { $0.callID == call }) else {
            throw DeskError(.notFound, "推荐单位 \(login) 没有申报类别 \(call) 的收件箱")
        }
        return try await InboxIntake(desk: self).receive(folderOnDisk: path, inbox: inbox, account: account).id
    }

    /// A readable random password.
    public static func randomPassword() -> String { Tokens.password() }
}
