import CPoppler
import Foundation
import ShenbaoModel
import ShenbaoSupport

/// A digital signature (数字签名) in a PDF's signature field, as poppler verifies it offline: the
/// signature over the signed bytes is checked; the certificate is not looked up anywhere (no network).
public struct DigitalSignature: Sendable, Equatable, Codable {
    /// Whether the signed bytes are intact.
    public enum Status: String, Sendable, Equatable, Codable {
        /// The signature matches the signed bytes.
        case valid
        /// The file was changed after it was signed.
        case changedAfterSigning = "changed-after-signing"
        /// The signature does not verify, or could not be decoded.
        case invalid
    }

    /// The signer's name from the certificate (its common name).
    public var signer: String
    /// When it was signed, as the signature says (`2026-03-21 10:30`), when it says.
    public var signedAt: String?
    public var status: Status

    /// The signatures of the PDF; none for a PDF without signature fields.
    package static func signatures(in document: PopplerDocument) -> [DigitalSignature] {
        guard poppler_document_get_n_signatures(document.handle) > 0,
              let fields = poppler_document_get_signature_fields(document.handle) else { return [] }
        defer { g_list_free_full(fields) { shenbao_object_unref($0) } }
        var found: [DigitalSignature] = []
        var node: UnsafeMutablePointer<GList>? = fields
        while let current = node {
            defer { node = current.pointee.next }
            guard let field = current.pointee.data else { continue }
            var error: UnsafeMutablePointer<GError>?
            let flags = PopplerSignatureValidationFlags(rawValue: 0)
            guard let info = poppler_form_field_signature_validate_sync(OpaquePointer(field), flags, nil, &error) else {
                g_clear_error(&error)
                continue
            }
            defer { poppler_signature_info_free(info) }
            let signer = poppler_signature_info_get_signer_name(info).map { String(cString: $0) } ?? ""
            var signedAt: String?
            if let time = poppler_signature_info_get_local_signing_time(info), let text = g_date_time_format(time, "%Y-%m-%d %H:%M") {
                signedAt = String(cString: text)
                g_free(text)
            }
            let status: Status
            switch poppler_signature_info_get_signature_status(info) {
            case POPPLER_SIGNATURE_VALID: status = .valid
            case POPPLER_SIGNATURE_DIGEST_MISMATCH: status = .changedAfterSigning
            default: status = .invalid
            }
            found.append(DigitalSignature(signer: signer, signedAt: signedAt, status: status))
        }
        return found
    }
}
