/// The workload types a Copilot workload manifest declares in its `type:` key, spelled as
/// Copilot spells them.
public enum CopilotWorkloadType: String, Sendable, CaseIterable {
  case loadBalancedWebService = "Load Balanced Web Service"
  case backendService = "Backend Service"
  case workerService = "Worker Service"
  case scheduledJob = "Scheduled Job"
  case requestDrivenWebService = "Request-Driven Web Service"
}
