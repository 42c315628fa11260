import ECSGenImport
import ECSGenSpec
import Foundation
import Testing

/// How each setting of a function maps into the spec.
@Suite struct LambdaMappingTests {
  func function(_ extra: String = "", memory: Int = 1024, timeout: Int = 30) throws
    -> LambdaFunction
  {
    let json = """
      {"FunctionName": "Orders_Sync-Prod", "FunctionArn": "arn:aws:lambda:eu-west-2:123456789012:function:x",
       "MemorySize": \(memory), "Timeout": \(timeout), "Role": "arn:aws:iam::123456789012:role/x",
       "Runtime": "python3.12", "Handler": "app.handler"\(extra)}
      """
    return try LambdaConfigurationReader.read(Data(json.utf8))
  }

  func spec(_ function: LambdaFunction, name: String? = nil) -> ServiceSpec? {
    let text = LambdaImporter(sourceFile: "f.json", serviceName: name).spec(for: function)
    let loaded = ServiceSpecLoader.load(text: text, file: "imported.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    return loaded.spec
  }

  @Test(arguments: [
    (128, 256, 512), (442, 256, 512), (443, 512, 1024), (884, 512, 1024), (885, 1024, 2048),
    (1769, 1024, 2048), (1770, 2048, 4096), (3008, 2048, 4096), (3538, 2048, 4096),
    (3539, 4096, 8192), (7076, 4096, 8192), (7077, 8192, 16384), (10240, 8192, 16384),
  ])
  func memoryMapsToTheSmallestFargateSizeWithEnoughCPUAndMemory(
    memory: Int, cpu: Int, fargateMemory: Int
  ) {
    let sizing = FargateSizing(lambdaMemoryMB: memory)
    #expect(sizing.cpuUnits == cpu)
    #expect(sizing.memoryMiB == fargateMemory)
    #expect(FargateSizes.isValid(cpuUnits: sizing.cpuUnits, memoryMiB: sizing.memoryMiB))
  }

  @Test func theNameIsMadeValidAndTheOriginalKeptInTheDescription() throws {
    let spec = try #require(spec(try function()))
    #expect(spec.name?.value == "orders-sync-prod")
    #expect(spec.description?.value.contains("Orders_Sync-Prod") == true)
    #expect(spec.region?.value == "eu-west-2")
  }

  @Test(arguments: [
    ("123-worker", "fn-123-worker"), ("internal-api", "svc-internal-api"),
    ("a", "a-svc"), ("My__Very--Long_Function_Name_That_Goes_On", "my-very-long-function-name-t"),
  ])
  func awkwardNamesBecomeValidServiceNames(function name: String, service: String) throws {
    let json = #"{"FunctionName": "\#(name)", "MemorySize": 512, "Timeout": 3}"#
    let spec = try #require(spec(try LambdaConfigurationReader.read(Data(json.utf8))))
    #expect(spec.name?.value == service)
  }

  @Test func secretLookingVariablesMoveToSecrets() throws {
    let spec = try #require(
      spec(
        try function(
          #", "Environment": {"Variables": {"DB_PASSWORD": "x", "MODE": "on", "API_TOKEN": ""}}"#)))
    #expect(spec.secrets?.map(\.key.value) == ["DB_PASSWORD"])
    #expect(spec.secrets?.first?.value.value == "/orders-sync-prod/db-password")
    // An empty value is not a secret; "on" stays the string "on".
    #expect(spec.environment?.map(\.key.value) == ["API_TOKEN", "MODE"])
    #expect(spec.environment?.last?.value.value == "on")
  }

  @Test func vpcRoleArchitectureAndTimeoutMap() throws {
    let spec = try #require(
      spec(
        try function(
          #", "Architectures": ["arm64"], "VpcConfig": {"SubnetIds": ["subnet-0aa11bb22cc33dd44"], "SecurityGroupIds": ["sg-0123456789abcdef0"], "VpcId": "vpc-0a1b2c3d4e5f67890"}"#,
          timeout: 900)))
    #expect(spec.platform?.value == .linuxARM64)
    #expect(spec.network?.subnets?.map(\.value) == ["subnet-0aa11bb22cc33dd44"])
    #expect(spec.network?.securityGroups?.map(\.value) == ["sg-0123456789abcdef0"])
    #expect(spec.network?.vpcID?.value == "vpc-0a1b2c3d4e5f67890")
    #expect(spec.roles?.task?.arn?.value == "arn:aws:iam::123456789012:role/x")
    #expect(spec.loadBalancer?.idleTimeout?.value == 900)
    // Draining as long as a request may run, so that lint has no `idle-timeout-drain` warning.
    #expect(spec.loadBalancer?.deregistrationDelay?.value == 900)
  }

  @Test func anImageFunctionUsesItsImageAndTheAdapterSettings() throws {
    let json = """
      {"Configuration": {"FunctionName": "web", "MemorySize": 512, "Timeout": 10, "PackageType": "Image",
       "Environment": {"Variables": {"AWS_LWA_PORT": "3000", "AWS_LWA_READINESS_CHECK_PATH": "/ready"}}},
       "Code": {"ImageUri": "123456789012.dkr.ecr.eu-west-2.amazonaws.com/web:1.2"}}
      """
    let spec = try #require(spec(try LambdaConfigurationReader.read(Data(json.utf8))))
    #expect(spec.image?.value == .reference("123456789012.dkr.ecr.eu-west-2.amazonaws.com/web:1.2"))
    #expect(spec.port?.value == 3000)
    #expect(spec.healthCheck?.path?.value == "/ready")
  }

  @Test func featuresWithoutAnEquivalentAreNamedInWarnings() throws {
    let text = LambdaImporter(sourceFile: "f.json").spec(
      for: try function(
        #", "Layers": [{"Arn": "arn:aws:lambda:eu-west-2:1:layer:x:1"}], "DeadLetterConfig": {"TargetArn": "arn:aws:sqs:eu-west-2:1:dlq"}, "SnapStart": {"ApplyOn": "PublishedVersions"}, "TracingConfig": {"Mode": "Active"}"#
      ))
    for expected in [
      "layer arn:aws:lambda:eu-west-2:1:layer:x:1", "dead-letter queue", "SnapStart", "X-Ray",
    ] {
      #expect(text.contains("WARNING: ") && text.contains(expected), "\(expected)")
    }
    #expect(text.contains("provisioned concurrency") && text.contains("function URL"))
  }
}
