/// Who Elastic Load Balancing writes access logs as, per region.
///
/// Source: AWS, "Enable access logs for your Application Load Balancer", step "Attach a policy to
/// your S3 bucket" (docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html).
/// In the regions that existed before August 2022, ELB writes as an AWS account of its own per
/// region, which the bucket policy must name as principal (`arn:aws:iam::ACCOUNT:root`). Regions
/// opened since then have no such account: the policy names the service principal
/// `logdelivery.elasticloadbalancing.amazonaws.com` instead. Either way the write is
/// `s3:PutObject` under `PREFIX/AWSLogs/OWN_ACCOUNT/`.
public enum ELBLogDelivery {
  public enum Principal: Sendable, Equatable, Codable {
    /// ELB's account in a region opened before August 2022.
    case account(String)
    /// The service principal of the newer regions.
    case service(String)
  }

  /// The service principal for regions opened in or after August 2022.
  public static let servicePrincipal = "logdelivery.elasticloadbalancing.amazonaws.com"

  /// ELB's log-delivery account in each region opened before August 2022 (AWS's table).
  public static let accounts: [String: String] = [
    "us-east-1": "127311923021", "us-east-2": "033677994240", "us-west-1": "027434742980",
    "us-west-2": "797873946194", "af-south-1": "098369216593", "ap-east-1": "754344448648",
    "ap-southeast-3": "589379963580", "ap-south-1": "718504428378",
    "ap-northeast-3": "383597477331", "ap-northeast-2": "600734575887",
    "ap-southeast-1": "114774131450", "ap-southeast-2": "783225319266",
    "ap-northeast-1": "582318560864", "ca-central-1": "985666609251",
    "eu-central-1": "054676820928", "eu-west-1": "156460612806", "eu-west-2": "652711504416",
    "eu-south-1": "635631232127", "eu-west-3": "009996457667", "eu-north-1": "897822967062",
    "me-south-1": "076674570225", "sa-east-1": "507241528517", "us-gov-west-1": "048591011584",
    "us-gov-east-1": "190560391635",
    // AWS in China's own table (docs.amazonaws.cn, "Elastic Load Balancing").
    "cn-north-1": "638102146993", "cn-northwest-1": "037604701340",
  ]

  /// The principal the bucket policy of a load balancer in `region` must allow.
  public static func principal(region: String) -> Principal {
    accounts[region].map(Principal.account) ?? .service(servicePrincipal)
  }
}
