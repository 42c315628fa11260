// swift-tools-version: 6.1
import PackageDescription

// The pipeline, one library target per stage:
//   ECSGenDiagnostics  source locations, diagnostics and their output formats
//   ECSGenSpec         YAML text -> ServiceSpec (with locations) -> [Diagnostic]
//   ECSGenPlan         validated ServiceSpec -> DeploymentPlan (every default and name resolved)
//   ECSGenRendering    what every renderer shares: generated files, targets, the header
//   ECSGenTerraform    DeploymentPlan -> Terraform files (an HCL document model and its printer)
//   ECSGenCloudFormation  DeploymentPlan -> a CloudFormation template (ordered JSON and its printer)
//   ECSGenGitHubActions   DeploymentPlan -> a deploy workflow
//   ECSGenImport          a Lambda function's configuration or a Copilot manifest -> a starter spec
//   ECSGenCLI          the commands; `ecsgen` itself is a thin executable over it
// Module names carry the `ECSGen` prefix so that they never collide with the type names
// (`ServiceSpec`, `DeploymentPlan`) they export.
let package = Package(
  name: "ecsgen",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "ecsgen", targets: ["ecsgen"]),
    .library(name: "ECSGenSpec", targets: ["ECSGenSpec"]),
    .library(name: "ECSGenPlan", targets: ["ECSGenPlan"]),
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
  ],
  targets: [
    .target(name: "ECSGenDiagnostics"),
    .target(
      name: "ECSGenSpec",
      dependencies: ["ECSGenDiagnostics", .product(name: "Yams", package: "Yams")]
    ),
    .target(name: "ECSGenPlan", dependencies: ["ECSGenSpec", "ECSGenDiagnostics"]),
    .target(name: "ECSGenRendering"),
    .target(name: "ECSGenTerraform", dependencies: ["ECSGenPlan", "ECSGenRendering"]),
    .target(name: "ECSGenGitHubActions", dependencies: ["ECSGenPlan", "ECSGenRendering"]),
    .target(
      name: "ECSGenImport",
      dependencies: [
        "ECSGenSpec", "ECSGenDiagnostics", "ECSGenRendering",
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    .target(
      name: "ECSGenCloudFormation",
      dependencies: ["ECSGenPlan", "ECSGenRendering", "ECSGenDiagnostics"]
    ),
    .target(
      name: "ECSGenCLI",
      dependencies: [
        "ECSGenDiagnostics", "ECSGenSpec", "ECSGenPlan", "ECSGenRendering", "ECSGenTerraform",
        "ECSGenCloudFormation", "ECSGenGitHubActions", "ECSGenImport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "ecsgen", dependencies: ["ECSGenCLI"]),
    .executableTarget(name: "ecsgen-benchmark", path: "Benchmarks/ecsgen-benchmark"),
    // Golden-file comparison (with ECSGenCLI's unified diff) and example specs for the tests.
    .target(
      name: "ECSGenTestSupport",
      dependencies: [
        "ECSGenSpec", "ECSGenPlan", "ECSGenRendering", "ECSGenCLI",
        .product(name: "Yams", package: "Yams"),
      ],
      path: "Tests/ECSGenTestSupport"),
    .testTarget(
      name: "ECSGenSpecTests",
      dependencies: ["ECSGenSpec", "ECSGenDiagnostics", "ECSGenTestSupport"]
    ),
    .testTarget(name: "ECSGenPlanTests", dependencies: ["ECSGenPlan", "ECSGenSpec"]),
    .testTarget(
      name: "ECSGenImportTests",
      dependencies: [
        "ECSGenImport", "ECSGenSpec", "ECSGenPlan", "ECSGenTerraform", "ECSGenCloudFormation",
        "ECSGenGitHubActions", "ECSGenTestSupport",
      ]
    ),
    .testTarget(
      name: "ECSGenGitHubActionsTests",
      dependencies: [
        "ECSGenGitHubActions", "ECSGenPlan", "ECSGenSpec", "ECSGenRendering", "ECSGenTestSupport",
      ]
    ),
    .testTarget(
      name: "ECSGenCloudFormationTests",
      dependencies: [
        "ECSGenCloudFormation", "ECSGenTerraform", "ECSGenPlan", "ECSGenSpec", "ECSGenRendering",
        "ECSGenTestSupport",
      ]
    ),
    .testTarget(
      name: "ECSGenTerraformTests",
      dependencies: [
        "ECSGenTerraform", "ECSGenPlan", "ECSGenSpec", "ECSGenRendering", "ECSGenTestSupport",
      ]
    ),
    .testTarget(
      name: "ECSGenCLITests",
      dependencies: [
        "ECSGenCLI", "ECSGenSpec", "ECSGenDiagnostics", "ECSGenPlan", "ECSGenRendering",
        "ECSGenTerraform", "ECSGenTestSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
  ]
)
