import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `submission.media`: pictures and video sent with the book break the call's limits (Guangdong:
/// at most 3 pictures, each at least 2 MB; video an mp4 of at most 100 MB). Images named as evidence
/// (营业执照.jpg) are not counted as pictures. Sizes are those measured with the submission.
package struct MediaRule: SubmissionRule {
    package static let codes: [RuleCode] = [.submissionMedia]

    package static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "bmp", "tif", "tiff", "gif", "webp", "heic"]
    package static let videoExtensions: Set<String> = ["mp4", "mov", "avi", "wmv", "mkv", "flv", "m4v", "mpg", "mpeg", "3gp"]

    package func check(_ outcome: SubmissionOutcome, spec: CallSpec) -> [Finding] {
        guard let limits = spec.submission.media, outcome.submission.folder != nil else { return [] }
        let submission = outcome.submission
        let files = submission.files
        var findings: [Finding] = []
        // Scans of 佐证材料 (营业执照.jpg) are evidence, not 展示图片.
        let evidenceWords = spec.submission.evidence.flatMap(\.match).map(\.labelKey)
        let images = files.filter { file in
            Self.imageExtensions.contains(file.fileExtension)
                && !evidenceWords.contains { file.lastPathComponent.labelKey.contains($0) }
        }
        if images.count > limits.maxImages {
            findings.append(Finding(.tooManyImages(max: limits.maxImages, actual: images.count), field: limits.field))
        }
        for image in images where Double(submission.size(of: image)) < limits.minImageMB * 1_048_576 {
            findings.append(Finding(.imageTooSmall(image, bytes: submission.size(of: image), minMB: limits.minImageMB), field: limits.field))
        }
        for video in files.filter({ Self.videoExtensions.contains($0.fileExtension) }) {
            if !limits.videoExtensions.contains(video.fileExtension) {
                findings.append(Finding(.videoFormat(video, allowed: limits.videoExtensions), field: limits.field))
            }
            if Double(submission.size(of: video)) > limits.maxVideoMB * 1_048_576 {
                findings.append(Finding(.videoTooLarge(video, bytes: submission.size(of: video), maxMB: limits.maxVideoMB), field: limits.field))
            }
        }
        return findings
    }

    /// Bytes as megabytes with one decimal.
    package static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }
    package static func show(_ value: Double) -> String { FieldValue.number(value).displayText }
}

extension RuleCode {
    static let submissionMedia = RuleCode("submission.media", "pictures and video against the call's limits (≤ 3 images each ≥ 2 MB, mp4 ≤ 100 MB)")
}

extension RuleMessage {
    static func tooManyImages(max: Int, actual: Int) -> RuleMessage {
        RuleMessage(.submissionMedia, .error, "展示图片最多\(max)张，实际提交\(actual)张")
    }

    static func imageTooSmall(_ image: String, bytes: Int, minMB: Double) -> RuleMessage {
        RuleMessage(.submissionMedia, .error,
                    "图片 \(image.lastPathComponent) 为 \(MediaRule.megabytes(bytes)) MB，每张应在 \(MediaRule.show(minMB)) MB 以上")
    }

    static func videoFormat(_ video: String, allowed: [String]) -> RuleMessage {
        RuleMessage(.submissionMedia, .error, "视频 \(video.lastPathComponent) 应为 \(allowed.joined(separator: "/")) 格式")
    }

    static func videoTooLarge(_ video: String, bytes: Int, maxMB: Double) -> RuleMessage {
        RuleMessage(.submissionMedia, .error,
                    "视频 \(video.lastPathComponent) 为 \(MediaRule.megabytes(bytes)) MB，不应超过 \(MediaRule.show(maxMB)) MB")
    }
}
