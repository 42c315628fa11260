/// A base image to suggest for a zip function's runtime, so that its Dockerfile starts from the
/// same language version. Public ECR mirrors of the official images avoid Docker Hub rate limits.
enum BaseImages {
  static func suggestion(forRuntime runtime: String) -> String? {
    func version(after prefix: String) -> String? {
      runtime.hasPrefix(prefix) ? String(runtime.dropFirst(prefix.count)) : nil
    }
    if let version = version(after: "python") {
      return "public.ecr.aws/docker/library/python:\(version)-slim"
    }
    if let version = version(after: "nodejs") {
      return "public.ecr.aws/docker/library/node:\(version.replacingX())-slim"
    }
    if let version = version(after: "java") {
      return "public.ecr.aws/docker/library/eclipse-temurin:\(version.prefix { $0.isNumber })-jre"
    }
    if let version = version(after: "ruby") {
      return "public.ecr.aws/docker/library/ruby:\(version)-slim"
    }
    if let version = version(after: "dotnet") {
      return "mcr.microsoft.com/dotnet/aspnet:\(version).0"
    }
    if runtime.hasPrefix("provided") || runtime == "go1.x" {
      return "public.ecr.aws/amazonlinux/amazonlinux:2023"
    }
    return nil
  }
}

extension BaseImages {
  /// A common way to serve HTTP in the runtime's language.
  static func webServerHint(forRuntime runtime: String) -> String {
    if runtime.hasPrefix("python") { return "for example with FastAPI and uvicorn" }
    if runtime.hasPrefix("nodejs") { return "for example with Express or Fastify" }
    if runtime.hasPrefix("java") { return "for example with Spring Boot or Javalin" }
    if runtime.hasPrefix("ruby") { return "for example with Sinatra and Puma" }
    if runtime.hasPrefix("dotnet") { return "for example with ASP.NET Core minimal APIs" }
    return "for example with the language's standard HTTP server"
  }
}

extension String {
  /// `20.x` → `20`.
  fileprivate func replacingX() -> String {
    hasSuffix(".x") ? String(dropLast(2)) : self
  }
}
