import Hummingbird

/// The OpenAPI 3 description of the JSON API, served at `/openapi.yaml`. Written by hand; `OpenAPITests`
/// checks that it names exactly the routes the router has under `/api/v1`, and `make test` runs
/// schemathesis against it.
enum OpenAPIDocument {
    static func add(to router: Router<DeskContext>) {
        router.get("/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8", .cacheControl: "no-cache"],
                     body: .init(byteBuffer: ByteBuffer(string: yaml)))
        }
    }

    static let yaml = """
    openapi: 3.0.3
    info:
      title: shenbao 申报收件台 API
      version: "1"
      description: >-
        Every operation of the desk's pages as JSON. Sign in with POST /api/v1/session; the answer sets the
        session cookie and gives the CSRF token that every request other than GET sends in X-CSRF-Token.
        Errors are {"error": "<Chinese message>"}. A bureau sees only its own inboxes; any other id is 404.
    servers:
      - url: /
    security:
      - session: []
        csrf: []
    components:
      securitySchemes:
        session: {type: apiKey, in: cookie, name: shenbao_session}
        csrf: {type: apiKey, in: header, name: X-CSRF-Token}
      parameters:
        id:
          name: id
          in: path
          required: true
          schema: {type: integer, format: int64, minimum: 1}
      responses:
        Error:
          description: 拒绝或出错，附中文说明
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Error'}
      schemas:
        Error:
          type: object
          required: [error]
          properties: {error: {type: string}}
        SignInRequest:
          type: object
          required: [login, password]
          properties:
            login: {type: string, maxLength: 40}
            password: {type: string, maxLength: 200}
        Account:
          type: object
          required: [id, login, displayName, role, region]
          properties:
            id: {type: integer, format: int64}
            login: {type: string}
            displayName: {type: string}
            role: {type: string, enum: [admin, bureau]}
            region: {type: string}
        Session:
          type: object
          required: [account, csrfToken]
          properties:
            account: {$ref: '#/components/schemas/Account'}
            csrfToken: {type: string}
        NewBureauRequest:
          type: object
          required: [login, displayName, region, password, calls]
          properties:
            login: {type: string, pattern: '^[A-Za-z0-9_.-]{2,40}$'}
            displayName: {type: string, maxLength: 100}
            region: {type: string, maxLength: 50}
            password: {type: string, minLength: 10, maxLength: 200}
            calls:
              type: object
              description: call id → quota (null when the call sets none)
              additionalProperties: {type: integer, nullable: true, minimum: 0, maximum: 9999}
        RegisterRequest:
          type: object
          required: [uscc, name, contact, password]
          properties:
            uscc: {type: string, description: 统一社会信用代码（18 位，校验位按 GB 32100 检查）, maxLength: 18}
            name: {type: string, maxLength: 100}
            contact: {type: string, maxLength: 100}
            password: {type: string, minLength: 10, maxLength: 200}
        NewApplicationRequest:
          type: object
          required: [call]
          properties: {call: {type: string}}
        ApplicationDataRequest:
          type: object
          required: [data]
          properties:
            data: {type: object, description: 字段 id → 值（与 shenbao fill 的数据文件相同）, additionalProperties: true}
        Application:
          type: object
          required: [id, callID, callTitle, errors, warnings, updatedAt]
          properties:
            id: {type: integer, format: int64}
            callID: {type: string}
            callTitle: {type: string}
            errors: {type: integer}
            warnings: {type: integer}
            updatedAt: {type: string, format: date-time}
        ApplicationDetail:
          type: object
          required: [application, data, findings]
          properties:
            application: {$ref: '#/components/schemas/Application'}
            data: {type: object, additionalProperties: true}
            findings: {type: array, items: {$ref: '#/components/schemas/Finding'}}
        BureauChangeRequest:
          type: object
          required: [calls]
          properties:
            calls:
              type: object
              description: call id → quota (null when the call sets none); calls not listed lose their inbox if it is empty
              additionalProperties: {type: integer, nullable: true, minimum: 0, maximum: 9999}
            password: {type: string, minLength: 10, maxLength: 200}
        InboxSummary:
          type: object
          required: [id, callID, callTitle, bureau, region, submissions, recommended]
          properties:
            id: {type: integer, format: int64}
            callID: {type: string}
            callTitle: {type: string}
            bureau: {type: string}
            region: {type: string}
            quota: {type: integer}
            submissions: {type: integer}
            recommended: {type: integer}
        StampedCopyStatus:
          type: object
          required: [sealsFound, sealsMissing]
          properties:
            sealsFound: {type: integer}
            sealsMissing: {type: integer}
            agreement: {type: string, enum: [agrees, differs, unchecked]}
        Submission:
          type: object
          required: [id, inboxID, uploadID, name, hasWord, hasPDF, errors, warnings, arrivedAt, decisionNote, stampedCopy]
          properties:
            id: {type: integer, format: int64}
            inboxID: {type: integer, format: int64}
            uploadID: {type: integer, format: int64}
            name: {type: string}
            callID: {type: string}
            applicant: {type: string}
            projectName: {type: string}
            uscc: {type: string}
            hasWord: {type: boolean}
            hasPDF: {type: boolean}
            errors: {type: integer}
            warnings: {type: integer}
            arrivedAt: {type: string, format: date-time}
            decision: {type: string, enum: [recommended, not-recommended]}
            decisionNote: {type: string}
            stampedCopy: {$ref: '#/components/schemas/StampedCopyStatus'}
        ExtractedField:
          type: object
          required: [id, label, value]
          properties:
            id: {type: string}
            label: {type: string}
            value: {type: string}
        File:
          type: object
          required: [id, submissionID, name, sha256, size, kind, fields]
          properties:
            id: {type: integer, format: int64}
            submissionID: {type: integer, format: int64}
            name: {type: string}
            sha256: {type: string}
            size: {type: integer, format: int64}
            kind: {type: string, enum: [book, attachment, unread]}
            fields: {type: array, items: {$ref: '#/components/schemas/ExtractedField'}}
            readError: {type: string}
            replacedAt: {type: string, format: date-time}
            replacedBy: {type: integer, format: int64}
        Finding:
          type: object
          required: [submissionID, severity, rule, message]
          properties:
            submissionID: {type: integer, format: int64}
            fileID: {type: integer, format: int64}
            severity: {type: string, enum: [error, warning, info]}
            rule: {type: string}
            field: {type: string}
            label: {type: string}
            message: {type: string}
        InboxDetail:
          type: object
          required: [inbox, submissions, duplicateCodes]
          properties:
            inbox: {$ref: '#/components/schemas/InboxSummary'}
            submissions: {type: array, items: {$ref: '#/components/schemas/Submission'}}
            duplicateCodes: {type: array, items: {type: string}}
        SubmissionDetail:
          type: object
          required: [submission, files, replacedFiles, findings]
          properties:
            submission: {$ref: '#/components/schemas/Submission'}
            files: {type: array, items: {$ref: '#/components/schemas/File'}}
            replacedFiles: {type: array, items: {$ref: '#/components/schemas/File'}}
            findings: {type: array, items: {$ref: '#/components/schemas/Finding'}}
        DecisionRequest:
          type: object
          required: [decision]
          properties:
            decision: {type: string, enum: [recommended, not-recommended, none]}
            note: {type: string, maxLength: 500}
        Job:
          type: object
          required: [id, inboxID, state, done, total, ahead, submissionIDs, refused]
          properties:
            id: {type: integer, format: int64}
            inboxID: {type: integer, format: int64}
            state: {type: string, enum: [waiting, done, failed]}
            done: {type: integer}
            total: {type: integer}
            ahead: {type: integer}
            replacesFileID: {type: integer, format: int64}
            submissionIDs: {type: array, items: {type: integer, format: int64}}
            refused: {type: array, items: {type: string}}
            error: {type: string}
        Upload:
          type: object
          properties:
            files:
              type: array
              items: {type: string, format: binary}
    paths:
      /api/v1/session:
        post:
          summary: 登录
          operationId: signIn
          security: []
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: '#/components/schemas/SignInRequest'}
          responses:
            '200':
              description: 已登录（Set-Cookie 带会话）
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Session'}
            '400': {$ref: '#/components/responses/Error'}
            '401': {$ref: '#/components/responses/Error'}
            '415': {$ref: '#/components/responses/Error'}
            '429': {$ref: '#/components/responses/Error'}
        get:
          summary: 当前登录的账户与 CSRF 令牌
          operationId: session
          responses:
            '200':
              description: 当前会话
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Session'}
            '401': {$ref: '#/components/responses/Error'}
        delete:
          summary: 退出登录
          operationId: signOut
          responses:
            '204': {description: 已退出}
            '403': {$ref: '#/components/responses/Error'}
      /api/v1/inboxes:
        get:
          summary: 收件箱列表
          operationId: inboxes
          responses:
            '200':
              description: 可见的收件箱
              content:
                application/json:
                  schema: {type: array, items: {$ref: '#/components/schemas/InboxSummary'}}
            '401': {$ref: '#/components/responses/Error'}
      /api/v1/inboxes/{id}:
        get:
          summary: 一个收件箱及其申报材料（可排序、筛选）
          operationId: inbox
          parameters:
            - $ref: '#/components/parameters/id'
            - {name: sort, in: query, schema: {type: string, enum: [applicant, project, uscc, errors, warnings, copy, decision, arrived]}}
            - {name: order, in: query, schema: {type: string, enum: [asc, desc]}}
            - {name: q, in: query, schema: {type: string, maxLength: 100}}
            - {name: show, in: query, schema: {type: string, enum: [all, errors, recommended, undecided, duplicates, nopdf]}}
            - {name: page, in: query, description: 第几页（每页 100 份；不给或 all：全部）, schema: {type: string, pattern: '^([0-9]{1,6}|all)$'}}
          responses:
            '200':
              description: 收件箱
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/InboxDetail'}
            '401': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
      /api/v1/inboxes/{id}/upload:
        post:
          summary: 上传收到的材料（文件、文件夹或 zip），在后台读取
          operationId: upload
          parameters: [{$ref: '#/components/parameters/id'}]
          requestBody:
            required: true
            content:
              multipart/form-data:
                schema: {$ref: '#/components/schemas/Upload'}
          responses:
            '202':
              description: 已接收，正在读取
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Job'}
            '400': {$ref: '#/components/responses/Error'}
            '401': {$ref: '#/components/responses/Error'}
            '403': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
            '413': {$ref: '#/components/responses/Error'}
            '422': {$ref: '#/components/responses/Error'}
      /api/v1/inboxes/{id}/summary:
        get:
          summary: 已推荐材料的汇总表
          operationId: summary
          parameters:
            - $ref: '#/components/parameters/id'
            - {name: format, in: query, required: true, schema: {type: string, enum: [docx, xlsx, csv]}}
            - {name: contact, in: query, schema: {type: string, maxLength: 100}}
          responses:
            '200':
              description: 汇总表文件
              content:
                application/vnd.openxmlformats-officedocument.wordprocessingml.document: {schema: {type: string, format: binary}}
                application/vnd.openxmlformats-officedocument.spreadsheetml.sheet: {schema: {type: string, format: binary}}
                text/csv: {schema: {type: string}}
            '400': {$ref: '#/components/responses/Error'}
            '401': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
            '409': {$ref: '#/components/responses/Error'}
      /api/v1/inboxes/{id}/findings.csv:
        get:
          summary: 全部问题清单（CSV，UTF-8 带 BOM）
          operationId: findings
          parameters: [{$ref: '#/components/parameters/id'}]
          responses:
            '200':
              description: 问题清单
              content:
                text/csv: {schema: {type: string}}
            '401': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
      /api/v1/jobs/{id}:
        get:
          summary: 读取进度
          operationId: job
          parameters: [{$ref: '#/components/parameters/id'}]
          responses:
            '200':
              description: 读取任务
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Job'}
            '401': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
      /api/v1/submissions/{id}:
        get:
          summary: 一份申报材料：文件、读出的字段、问题、被替换的旧版本
          operationId: submission
          parameters: [{$ref: '#/components/parameters/id'}]
          responses:
            '200':
              description: 申报材料
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/SubmissionDetail'}
            '401': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
      /api/v1/submissions/{id}/decision:
        post:
          summary: 推荐 / 不推荐 / 未定，附说明；超出名额时拒绝
          operationId: decide
          parameters: [{$ref: '#/components/parameters/id'}]
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: '#/components/schemas/DecisionRequest'}
          responses:
            '200':
              description: 记录后的申报材料
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Submission'}
            '400': {$ref: '#/components/responses/Error'}
            '401': {$ref: '#/components/responses/Error'}
            '403': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
            '409': {$ref: '#/components/responses/Error'}
            '415': {$ref: '#/components/responses/Error'}
      /api/v1/files/{id}:
        get:
          summary: 下载原件
          operationId: file
          parameters: [{$ref: '#/components/parameters/id'}]
          responses:
            '200':
              description: 原件
              content:
                application/octet-stream: {schema: {type: string, format: binary}}
            '401': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
      /api/v1/files/{id}/pages/{page}:
        get:
          summary: PDF 一页的预览图（蓝框为识别出的印章；只预览前 30 页）
          operationId: pagePreview
          parameters:
            - $ref: '#/components/parameters/id'
            - {name: page, in: path, required: true, description: 页码加 .png，如 3.png, schema: {type: string, pattern: '^[0-9]{1,4}\\.png$'}}
          responses:
            '200':
              description: PNG 图像
              content:
                image/png: {schema: {type: string, format: binary}}
            '401': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
            '422': {$ref: '#/components/responses/Error'}
      /api/v1/files/{id}/text:
        get:
          summary: Word 申报书的文字（HTML 片段）
          operationId: textPreview
          parameters: [{$ref: '#/components/parameters/id'}]
          responses:
            '200':
              description: HTML 片段
              content:
                text/html: {schema: {type: string}}
            '401': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
            '422': {$ref: '#/components/responses/Error'}
      /api/v1/files/{id}/replace:
        post:
          summary: 用新版本替换一个文件并重新读取整份材料（旧版本保留为历史）
          operationId: replaceFile
          parameters: [{$ref: '#/components/parameters/id'}]
          requestBody:
            required: true
            content:
              multipart/form-data:
                schema: {$ref: '#/components/schemas/Upload'}
          responses:
            '202':
              description: 已接收，正在读取
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Job'}
            '400': {$ref: '#/components/responses/Error'}
            '401': {$ref: '#/components/responses/Error'}
            '403': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
            '409': {$ref: '#/components/responses/Error'}
            '422': {$ref: '#/components/responses/Error'}
      /api/v1/accounts:
        get:
          summary: 全部账户（仅管理员）
          operationId: accounts
          responses:
            '200':
              description: 账户
              content:
                application/json:
                  schema: {type: array, items: {$ref: '#/components/schemas/Account'}}
            '401': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
        post:
          summary: 创建推荐单位账户及其收件箱（仅管理员）
          operationId: createBureau
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: '#/components/schemas/NewBureauRequest'}
          responses:
            '201':
              description: 已创建
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Account'}
            '400': {$ref: '#/components/responses/Error'}
            '401': {$ref: '#/components/responses/Error'}
            '403': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
            '409': {$ref: '#/components/responses/Error'}
            '415': {$ref: '#/components/responses/Error'}
      /api/v1/accounts/{id}:
        get:
          summary: 一个推荐单位的收件箱、申报类别与名额（仅管理员）
          operationId: bureau
          parameters: [{$ref: '#/components/parameters/id'}]
          responses:
            '200':
              description: 该推荐单位的收件箱
              content:
                application/json:
                  schema: {type: array, items: {$ref: '#/components/schemas/InboxSummary'}}
            '401': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
        post:
          summary: 修改推荐单位的申报类别、名额或密码（仅管理员）
          operationId: updateBureau
          parameters: [{$ref: '#/components/parameters/id'}]
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: '#/components/schemas/BureauChangeRequest'}
          responses:
            '200':
              description: 该推荐单位修改后的收件箱
              content:
                application/json:
                  schema: {type: array, items: {$ref: '#/components/schemas/InboxSummary'}}
            '400': {$ref: '#/components/responses/Error'}
            '401': {$ref: '#/components/responses/Error'}
            '403': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
            '409': {$ref: '#/components/responses/Error'}
            '415': {$ref: '#/components/responses/Error'}
      /api/v1/register:
        post:
          summary: 申报单位注册（以统一社会信用代码为登录名），注册后即登录
          operationId: register
          security: []
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: '#/components/schemas/RegisterRequest'}
          responses:
            '201':
              description: 已注册并登录
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Session'}
            '400': {$ref: '#/components/responses/Error'}
            '409': {$ref: '#/components/responses/Error'}
            '415': {$ref: '#/components/responses/Error'}
            '429': {$ref: '#/components/responses/Error'}
      /api/v1/applications:
        get:
          summary: 我的申报（仅申报单位）
          operationId: applications
          responses:
            '200':
              description: 申报
              content:
                application/json:
                  schema: {type: array, items: {$ref: '#/components/schemas/Application'}}
            '401': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
        post:
          summary: 开始（或打开已有的）某申报类别的申报
          operationId: startApplication
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: '#/components/schemas/NewApplicationRequest'}
          responses:
            '201':
              description: 申报
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/ApplicationDetail'}
            '400': {$ref: '#/components/responses/Error'}
            '401': {$ref: '#/components/responses/Error'}
            '403': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
            '415': {$ref: '#/components/responses/Error'}
      /api/v1/applications/{id}:
        get:
          summary: 一份申报：数据与检查结果
          operationId: application
          parameters: [{$ref: '#/components/parameters/id'}]
          responses:
            '200':
              description: 申报
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/ApplicationDetail'}
            '401': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
        post:
          summary: 保存并检查（与 shenbao validate 相同的规则）
          operationId: saveApplication
          parameters: [{$ref: '#/components/parameters/id'}]
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: '#/components/schemas/ApplicationDataRequest'}
          responses:
            '200':
              description: 保存后的申报与检查结果
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/ApplicationDetail'}
            '400': {$ref: '#/components/responses/Error'}
            '401': {$ref: '#/components/responses/Error'}
            '403': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
            '415': {$ref: '#/components/responses/Error'}
      /api/v1/applications/{id}/book.docx:
        get:
          summary: 申报书（Word；有错误时为草稿，标出【待补充】）
          operationId: applicationBook
          parameters: [{$ref: '#/components/parameters/id'}]
          responses:
            '200':
              description: 文件
              content:
                application/vnd.openxmlformats-officedocument.wordprocessingml.document: {schema: {type: string, format: binary}}
            '401': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
      /api/v1/applications/{id}/declaration.docx:
        get:
          summary: 承诺书（Word）
          operationId: applicationDeclaration
          parameters: [{$ref: '#/components/parameters/id'}]
          responses:
            '200':
              description: 文件
              content:
                application/vnd.openxmlformats-officedocument.wordprocessingml.document: {schema: {type: string, format: binary}}
            '401': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
      /api/v1/applications/{id}/data.yaml:
        get:
          summary: 申报数据（YAML，供 shenbao fill 使用）
          operationId: applicationYAML
          parameters: [{$ref: '#/components/parameters/id'}]
          responses:
            '200':
              description: 文件
              content:
                application/yaml: {schema: {type: string, format: binary}}
            '401': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
      /api/v1/applications/{id}/data.json:
        get:
          summary: 申报数据（JSON）
          operationId: applicationJSON
          parameters: [{$ref: '#/components/parameters/id'}]
          responses:
            '200':
              description: 文件
              content:
                application/json: {schema: {type: string, format: binary}}
            '401': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
      /api/v1/applications/{id}/submit:
        post:
          summary: 提交给推荐单位（无错误时，仅一次）；附盖章 PDF 与佐证材料
          operationId: submitApplication
          parameters: [{$ref: '#/components/parameters/id'}]
          requestBody:
            required: true
            content:
              multipart/form-data:
                schema:
                  type: object
                  required: [bureau]
                  properties:
                    bureau: {type: integer, format: int64, description: 推荐单位收件箱的 id}
                    files: {type: array, items: {type: string, format: binary}}
          responses:
            '202':
              description: 已提交，推荐单位正在读取
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/ApplicationDetail'}
            '400': {$ref: '#/components/responses/Error'}
            '401': {$ref: '#/components/responses/Error'}
            '403': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
            '409': {$ref: '#/components/responses/Error'}
            '413': {$ref: '#/components/responses/Error'}
            '422': {$ref: '#/components/responses/Error'}
      /api/v1/applications/{id}/import:
        post:
          summary: 读入已写好的 Word 或 PDF 申报书（替换已填内容）并检查；不提交
          operationId: importBook
          parameters: [{$ref: '#/components/parameters/id'}]
          requestBody:
            required: true
            content:
              multipart/form-data:
                schema: {$ref: '#/components/schemas/Upload'}
          responses:
            '200':
              description: 读入后的申报与检查结果
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/ApplicationDetail'}
            '400': {$ref: '#/components/responses/Error'}
            '401': {$ref: '#/components/responses/Error'}
            '403': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
            '409': {$ref: '#/components/responses/Error'}
            '413': {$ref: '#/components/responses/Error'}
            '422': {$ref: '#/components/responses/Error'}
    """
}
