import ArgumentParser
import Foundation
import ShenbaoCommandLine
import ShenbaoKit
import ShenbaoServer

/// `shenbao-desk` (started as `shenbao serve`): the web desk for bureaus (see ShenbaoServer). Options and
/// messages only; books are read by the `shenbao` program beside it, in its worker mode.
struct DeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shenbao serve",
        abstract: "启动网页收件台（推荐单位在浏览器中上传、查看和校验申报材料）",
        discussion: """
        --create-admin NAME 创建管理员账户后退出；密码取自环境变量 SHENBAO_ADMIN_PASSWORD，否则从标准输入读取一行（不在命令行上给出）。
        --create-bureau NAME 同样取 SHENBAO_BUREAU_PASSWORD；名称、市州、申报类别与名额取自 SHENBAO_BUREAU_NAME、
        SHENBAO_BUREAU_REGION、SHENBAO_BUREAU_CALLS（逗号分隔，默认全部）、SHENBAO_BUREAU_QUOTAS（如 hubei-industrial-model-2026=2）。
        --import FOLDER --bureau NAME --call ID 把本机的一个文件夹当作一次上传放入该推荐单位的收件箱，收件台启动后读取。
        """
    )

    @Option(name: .long, help: ArgumentHelp("数据目录（数据库与上传的原件）", valueName: "DIR"))
    var data: String = "shenbao-data"

    @Option(name: .long, help: "监听地址")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "监听端口")
    var port: Int = 8080

    @Flag(name: .long, help: "收件台位于 https 之后：Cookie 加 Secure 标记")
    var secureCookies = false

    @Option(name: .long, help: ArgumentHelp("创建管理员账户 NAME 后退出", valueName: "NAME"))
    var createAdmin: String?

    @Option(name: .long, help: ArgumentHelp("创建推荐单位账户 NAME 后退出（演示用；其余信息见 SHENBAO_BUREAU_* 环境变量）", valueName: "NAME"))
    var createBureau: String?

    @Option(name: .customLong("import"), help: ArgumentHelp("把本机文件夹 FOLDER 放入 --bureau 的 --call 收件箱后退出", valueName: "FOLDER"))
    var importFolder: String?

    @Option(name: .long, help: ArgumentHelp("--import 的推荐单位登录名", valueName: "NAME"))
    var bureau: String?

    @Option(name: .long, help: ArgumentHelp("--import 的申报类别", valueName: "ID"))
    var call: String?

    @OptionGroup var specOptions: SpecOptions
    @OptionGroup var isolation: IsolationOptions

    /// The program's root command is synchronous: the desk runs in a task while this thread waits.
    func run() throws {
        let done = DispatchSemaphore(value: 0)
        let failure = ErrorBox()
        let command = self
        Task {
            do { try await command.serve() } catch { failure.error = error }
            done.signal()
        }
        done.wait()
        if let error = failure.error {
            Self.exitWithUsage(.usage("收件台异常停止：\(error)"))
        }
    }

    private func serve() async throws {
        var configuration = DeskConfiguration(dataDirectory: data)
        configuration.host = host
        configuration.port = port
        configuration.secureCookies = secureCookies
        configuration.templates = specOptions.loader.directory
        configuration.jobs = max(1, isolation.jobs)
        configuration.readTimeout = isolation.timeout
        configuration.workerExecutable = SiblingProgram.commandLine.path
        guard FileManager.default.isExecutableFile(atPath: configuration.workerExecutable) else {
            Self.exitWithUsage(.usage("找不到读取申报材料的程序 \(configuration.workerExecutable)（它应与 shenbao-desk 在同一目录）"))
        }
        let desk: Desk
        do {
            desk = try Desk(configuration: configuration)
        } catch {
            Self.exitWithUsage(.usage("无法打开数据目录 \(data)：\(error)"))
        }
        if let login = createAdmin {
            let password = Self.password(environment: "SHENBAO_ADMIN_PASSWORD", prompt: "管理员 \(login) 的密码：")
            do {
                _ = try await desk.createAdministrator(login: login, password: password)
            } catch {
                Self.exitWithUsage(.usage("无法创建管理员 \(login)：\(error)"))
            }
            print("已创建管理员 \(login)")
            return
        }
        if let login = createBureau {
            let environment = ProcessInfo.processInfo.environment
            let password = Self.password(environment: "SHENBAO_BUREAU_PASSWORD", prompt: "推荐单位 \(login) 的密码：")
            let calls = (environment["SHENBAO_BUREAU_CALLS"] ?? desk.specs.map(\.id).joined(separator: ","))
                .split(separator: ",").map { String($0) }
            var quotas: [String: Int] = [:]
            for pair in (environment["SHENBAO_BUREAU_QUOTAS"] ?? "").split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, let quota = Int(parts[1]), quota >= 0 else {
                    Self.exitWithUsage(.usage("SHENBAO_BUREAU_QUOTAS 的写法应为 申报类别=名额，逗号分隔：\(pair)"))
                }
                quotas[parts[0]] = quota
            }
            let bureau = NewBureau(login: login, displayName: environment["SHENBAO_BUREAU_NAME"] ?? login,
                                   region: environment["SHENBAO_BUREAU_REGION"] ?? "", password: password,
                                   calls: Dictionary(calls.map { ($0, quotas[$0]) }, uniquingKeysWith: { a, _ in a }))
            do {
                _ = try await desk.createBureau(bureau)
            } catch {
                Self.exitWithUsage(.usage("无法创建推荐单位 \(login)：\(error)"))
            }
            print("已创建推荐单位 \(login)（\(calls.count) 个收件箱）")
            return
        }
        if let folder = importFolder {
            guard let bureau, let call else { Self.exitWithUsage(.usage("--import 需要同时给出 --bureau 和 --call")) }
            do {
                let job = try await desk.importFolder(folder, bureau: bureau, call: call)
                print("已放入 \(bureau) 的 \(call) 收件箱（读取任务 \(job)），收件台启动后读取")
            } catch {
                Self.exitWithUsage(.usage("无法导入 \(folder)：\(error)"))
            }
            return
        }
        if !((try? await desk.store.hasAdministrator()) ?? false) {
            FileHandle.standardError.write(Data("shenbao：提示：还没有管理员账户，请先运行 shenbao serve --data \(data) --create-admin NAME\n".utf8))
        }
        let address = "http://\(host):\(port)/"
        try await DeskServer.run(desk) {
            FileHandle.standardOutput.write(Data("收件台已启动：\(address)（按 Ctrl-C 停止）\n".utf8))
        }
    }

    /// The password from the environment, else one line of stdin (never from the command line).
    private static func password(environment name: String, prompt: String) -> String {
        if let value = ProcessInfo.processInfo.environment[name], !value.isEmpty { return value }
        if isatty(0) != 0 { FileHandle.standardError.write(Data(prompt.utf8)) }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            exitWithUsage(.usage("没有给出密码：请设置环境变量 \(name)，或从标准输入输入一行"))
        }
        return line
    }
}

private final class ErrorBox: @unchecked Sendable {
    var error: (any Error)?
}
