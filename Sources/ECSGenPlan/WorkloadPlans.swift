/// What the service does, with the parts that only its kind has. The parts every kind shares
/// (task, roles, logs, network, image, the tasks' security group) stay on `DeploymentPlan`; a
/// renderer switches over this once and renders each kind's own resources, instead of reading
/// optionals to find out which kind it is rendering. See docs/design/kinds.md.
public enum Workload: Sendable, Equatable, Codable {
  /// A service behind a load balancer.
  case web(WebPlan)
  /// A long-running service without a load balancer.
  case backend(BackendPlan)
  /// A service that consumes an SQS queue and scales on its backlog.
  case worker(WorkerPlan)
  /// A task that runs to completion, started by a schedule or an event through a state machine.
  case job(JobPlan)

  // Encoded as `{"web": {...}}`, without Swift's `_0` for the unnamed associated value: the
  // encoding names the keys of `plan.json` and of `ecsgen diff` (`workload.web.loadBalancer.name`).
  private enum CodingKeys: String, CodingKey {
    case web, backend, worker, job
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    if let web = try container.decodeIfPresent(WebPlan.self, forKey: .web) {
      self = .web(web)
    } else if let backend = try container.decodeIfPresent(BackendPlan.self, forKey: .backend) {
      self = .backend(backend)
    } else if let worker = try container.decodeIfPresent(WorkerPlan.self, forKey: .worker) {
      self = .worker(worker)
    } else {
      self = .job(try container.decode(JobPlan.self, forKey: .job))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .web(let web): try container.encode(web, forKey: .web)
    case .backend(let backend): try container.encode(backend, forKey: .backend)
    case .worker(let worker): try container.encode(worker, forKey: .worker)
    case .job(let job): try container.encode(job, forKey: .job)
    }
  }

  /// The kind's name as the spec writes it (`web`, `worker`, ...), for headers and messages.
  public var kindName: String {
    switch self {
    case .web: "web"
    case .backend: "backend"
    case .worker: "worker"
    case .job: "job"
    }
  }
}

/// The ECS service that `web`, `backend` and `worker` run as: its deployments, its scaling on
/// CPU, memory (and requests, for `web`), and how long the deploy job watches a rollout.
public struct ServicePlan: Sendable, Equatable, Codable {
  public var deployment: ServiceDeploymentPlan
  /// Nil: the service runs `deployment.desiredCount` tasks and never scales.
  public var scaling: ScalingPlan?
  /// The deploy job's watch of the rollout after the apply.
  public var rollout: RolloutWatchPlan
}

/// The parts of a `web` service that other kinds lack: its target group, and how requests reach
/// it (`entry`): a load balancer of its own, or a rule on a listener someone else owns.
public struct WebPlan: Sendable, Equatable, Codable {
  public var service: ServicePlan
  public var targetGroup: TargetGroupPlan
  /// How requests reach the target group.
  public var entry: WebEntry
}

/// A `backend`: the service without a load balancer. With a `port`, the tasks' security group
/// admits it from the security groups the spec lists (already in `DeploymentPlan.tasksSecurityGroup`).
public struct BackendPlan: Sendable, Equatable, Codable {
  public var service: ServicePlan
}

extension DeploymentPlan {
  /// The web parts, for code that concerns the load balancer only (a DNS record, an output);
  /// nil for a plan of another kind.
  public var web: WebPlan? {
    if case .web(let web) = workload { return web }
    return nil
  }

  /// The load balancer ecsgen creates for a `web`; nil for a `web` on a shared listener and for
  /// other kinds.
  public var ownLoadBalancer: OwnLoadBalancerPlan? {
    if case .loadBalancer(let own) = web?.entry { return own }
    return nil
  }

  /// The ECS service of a `web`, `backend` or `worker`; nil for a `job`, which has none.
  public var ecsService: ServicePlan? {
    switch workload {
    case .web(let web): web.service
    case .backend(let backend): backend.service
    case .worker(let worker): worker.service
    case .job: nil
    }
  }
}
