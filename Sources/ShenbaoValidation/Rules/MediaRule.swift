import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `submission.media`: pictures and video sent with the book break the call's limits (Guangdong:
/// at most 3 pictures, each at least 2 MB; video an mp4 of at most 100 MB). Images named as evidence
/// (营业执照.jpg) are not counted as pictures.
package struct MediaRule: SubmissionRule {
    package static let codes = [
        RuleCode("submission.media", "pictures and video against the call's limits (≤ 3 images each ≥ 2 MB, mp4 ≤ 100 MB)"),
    ]

    package static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "bmp", "tif", "tiff", "gif", "webp", "heic"]
    package static let videoExtensions: Set<String> = ["mp4", "mov", "avi", "wmv", "mkv", "flv", "m4v", "mpg", "mpeg", "3gp"]

    package func check(_ outcome: SubmissionOutcome, spec: CallSpec) -> [Finding] {
        guard let limits = spec.submission.media, outcome.submission.folder != nil else { return [] }
        let files = outcome.submission.files
        var findings: [Finding] = []
        // Scans of 佐证材料 (营业执照.jpg) are evidence, not 展示图片.
        let evidenceWords = spec.submission.evidence.flatMap(\.match).map(\.labelKey)
        let images = files.filter { file in
            Self.imageExtensions.contains(file.fileExtension)
                && !evidenceWords.contains { file.lastPathComponent.labelKey.contains($0) }
        }
        if images.count > limits.maxImages {
            findings.append(Finding(.error, rule: "submission.media", field: limits.field,
                                    message: "展示图片最多\(limits.maxImages)张，实际提交\(images.count)张"))
        }
        for image in images where Double(Self.size(of: image)) < limits.minImageMB * 1_048_576 {
            findings.append(Finding(.error, rule: "submission.media", field: limits.field,
                                    message: "图片 \(image.lastPathComponent) 为 \(Self.megabytes(image)) MB，每张应在 \(Self.show(limits.minImageMB)) MB 以上"))
        }
        for video in files.filter({ Self.videoExtensions.contains($0.fileExtension) }) {
            if !limits.videoExtensions.contains(video.fileExtension) {
                findings.append(Finding(.error, rule: "submission.media", field: limits.field,
                                        message: "视频 \(video.lastPathComponent) 应为 \(limits.videoExtensions.joined(separator: "/")) 格式"))
            }
            if Double(Self.size(of: video)) > limits.maxVideoMB * 1_048_576 {
                findings.append(Finding(.error, rule: "submission.media", field: limits.field,
                                        message: "视频 \(video.lastPathComponent) 为 \(Self.megabytes(video)) MB，不应超过 \(Self.show(limits.maxVideoMB)) MB"))
            }
        }
        return findings
    }

    package static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    package static func megabytes(_ path: String) -> String { String(format: "%.1f", Double(size(of: path)) / 1_048_576) }
    package static func show(_ value: Double) -> String { FieldValue.number(value).displayText }
}
