import ECSGenDiagnostics
import ECSGenSpec
import Testing

let digest = String(repeating: "0123456789abcdef", count: 4)

/// `image-reference`, `image-tag`, `image-build`.
@Suite struct ImageRuleTests {
  @Test(arguments: [
    "nginx latest", "MyImage:1.0", "nginx@sha256:abc", "nginx:-bad", "/nginx:1", "nginx/:1",
    "ghcr.io/MyOrg/app:1",
  ])
  func malformedReference(image: String) throws {
    let finding = try #require(
      expectFinding("image-reference", .error, at: 2, 8, in: baseSpec(image: image)))
    #expect(finding.message.hasPrefix("`image` is `\(image)`, which is not an image reference"))
  }

  @Test(arguments: [
    "nginx:1.27", "public.ecr.aws/nginx/nginx:1.27", "localhost:5000/team/app:1.2",
    "123456789012.dkr.ecr.eu-west-2.amazonaws.com/orders:1.4.2", "nginx@sha256:\(digest)",
    "nginx:1.27@sha256:\(digest)",
  ])
  func wellFormedPinnedReference(image: String) {
    expectClean(baseSpec(image: image))
  }

  /// A registry port is not a tag.
  @Test(arguments: ["nginx", "localhost:5000/team/app"])
  func missingTag(image: String) throws {
    let finding = try #require(
      expectFinding("image-tag", .warning, at: 2, 8, in: baseSpec(image: image)))
    #expect(finding.message.hasPrefix("`image` has no tag"))
  }

  @Test func latestTag() throws {
    let finding = try #require(
      expectFinding("image-tag", .warning, at: 2, 8, in: baseSpec(image: "nginx:latest")))
    #expect(finding.message.hasPrefix("`image` uses the `latest` tag"))
    expectNoFinding("image-tag", in: baseSpec(image: "nginx:latest-1.27"))
  }

  @Test func buildContextAndRepository() {
    expectFinding("image-build", .error, at: 2, 16, in: baseSpec(image: "{build: \"\"}"))
    let repository = "{build: ., repository: Shop/Orders}"
    expectFinding("image-build", .error, at: 2, 31, in: baseSpec(image: repository))
    expectFinding(
      "image-build", .error, at: 2, 31, in: baseSpec(image: "{build: ., repository: a}"))
    expectClean(baseSpec(image: "{build: ., repository: shop/orders-api}"))
  }
}

/// `fargate-size`: only the CPU and memory pairs Fargate offers.
@Suite struct FargateSizeRuleTests {
  @Test func memoryThatDoesNotFitTheCPU() throws {
    let finding = try #require(
      expectFinding("fargate-size", .error, at: 5, 9, in: baseSpec("cpu: 256\nmemory: 4096")))
    #expect(
      finding.message
        == "memory 4096 MiB does not fit cpu 256; Fargate allows 512, 1024 or 2048 MiB with 256 CPU units"
    )
    #expect(finding.notes == ["4096 MiB is allowed with cpu 512 or 1024 or 2048"])
  }

  /// Without `memory`, the default 512 MiB is checked and the error points at `cpu`.
  @Test func defaultMemoryThatDoesNotFitTheCPU() throws {
    let finding = try #require(
      expectFinding("fargate-size", .error, at: 4, 6, in: baseSpec("cpu: 1 vCPU")))
    #expect(
      finding.message
        == "memory 512 MiB (the default) does not fit cpu 1024; Fargate allows 2048 to 8192 MiB in steps of 1024 with 1024 CPU units"
    )
    #expect(finding.notes == ["512 MiB is allowed with cpu 256"])
  }

  @Test func cpuWrittenAsVCPUCount() throws {
    let finding = try #require(
      expectFinding("fargate-size", .error, at: 4, 6, in: baseSpec("cpu: 1")))
    #expect(finding.message == "cpu 1 is not a Fargate task size; use one of the CPU sizes below")
    #expect(
      finding.notes == [
        "allowed: 256 (0.25 vCPU), 512 (0.5 vCPU), 1024 (1 vCPU), 2048 (2 vCPU), 4096 (4 vCPU), 8192 (8 vCPU), 16384 (16 vCPU)",
        "`cpu` counts CPU units (1024 per vCPU); did you mean `1 vCPU`?",
      ])
  }

  /// 3 vCPU is not a Fargate size, so there is nothing to suggest.
  @Test func cpuThatIsNoSizeAtAll() throws {
    let finding = try #require(
      expectFinding("fargate-size", .error, at: 4, 6, in: baseSpec("cpu: 3")))
    #expect(finding.notes.count == 1)
  }

  @Test func memoryWrittenAsGigabyteCount() throws {
    let finding = try #require(
      expectFinding("fargate-size", .error, at: 4, 9, in: baseSpec("memory: 2")))
    #expect(finding.notes == ["`memory` counts MiB; did you mean `2 GB`?"])
  }

  /// 256 CPU units allow 512, 1024 and 2048 MiB, but not the 1536 in between.
  @Test(arguments: [("256", "1536"), ("8 vCPU", "18 GB"), ("16 vCPU", "128 GB"), ("512", "512")])
  func invalidPairs(cpu: String, memory: String) {
    expectFinding("fargate-size", .error, at: 5, 9, in: baseSpec("cpu: \(cpu)\nmemory: \(memory)"))
  }

  @Test(arguments: [
    ("256", "512"), ("256", "2 GB"), ("0.5 vCPU", "4 GB"), ("1 vCPU", "8192"),
    ("2048", "16 GB"), ("4 vCPU", "30 GB"), ("8 vCPU", "20 GB"), ("16 vCPU", "120 GB"),
  ])
  func validPairs(cpu: String, memory: String) {
    expectClean(baseSpec("cpu: \(cpu)\nmemory: \(memory)"))
  }

  @Test func sizeDescriptions() {
    #expect(FargateSizes.size(cpuUnits: 256)?.memoryDescription == "512, 1024 or 2048 MiB")
    #expect(FargateSizes.size(cpuUnits: 512)?.memoryDescription == "1024, 2048, 3072 or 4096 MiB")
    #expect(
      FargateSizes.size(cpuUnits: 16384)?.memoryDescription
        == "32768 to 122880 MiB in steps of 8192")
    #expect(FargateSizes.size(cpuUnits: 3072) == nil)
    #expect(FargateSizes.cpuSizes(allowing: 8192).map(\.cpuUnits) == [1024, 2048, 4096])
  }
}
