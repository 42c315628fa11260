import ECSGenRendering

/// The actions a generated workflow uses, each pinned to a full commit with its release in a
/// comment (the form Dependabot updates). The commits are the ones recorded in
/// `shared/reference/github-actions.md`, read from the actions' release tags.
enum PinnedAction {
  case checkout
  case configureAWSCredentials
  case amazonECRLogin
  case setupTerraform
  case buildPush
  case setupSwift
  case cache

  var uses: YAMLNode {
    let (name, commit, release): (String, String, String)
    switch self {
    case .checkout:
      (name, commit, release) = (
        "actions/checkout", "3d3c42e5aac5ba805825da76410c181273ba90b1", "v7.0.1"
      )
    case .configureAWSCredentials:
      (name, commit, release) = (
        "aws-actions/configure-aws-credentials", "e6de054238d6b7531b4efff3b6587d9aade6a06c",
        "v6.2.3"
      )
    case .amazonECRLogin:
      (name, commit, release) = (
        "aws-actions/amazon-ecr-login", "03f1aad4c6c7ffd436567f42f9384779290529bd", "v2.1.7"
      )
    case .setupTerraform:
      (name, commit, release) = (
        "hashicorp/setup-terraform", "dfe3c3f87815947d99a8997f908cb6525fc44e9e", "v4.0.1"
      )
    case .buildPush:
      (name, commit, release) = (
        "docker/build-push-action", "53b7df96c91f9c12dcc8a07bcb9ccacbed38856a", "v7.3.0"
      )
    case .setupSwift:
      (name, commit, release) = (
        "swift-actions/setup-swift", "7ca6abe6b3b0e8b5421b88be48feee39cbf52c6a", "v2.4.0"
      )
    case .cache:
      (name, commit, release) = (
        "actions/cache", "27d5ce7f107fe9357f9df03efb73ab90386fccae", "v5.0.5"
      )
    }
    return .commented("\(name)@\(commit)", comment: release)
  }
}
