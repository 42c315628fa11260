import ECSGenSpec
import Testing

/// Which environment values name an endpoint, and on which port.
@Suite struct NetworkEndpointsTests {
  @Test(arguments: [
    ("postgres://orders:secret@db.example.com/orders", 5432),
    ("postgresql://db.example.com:6432/orders?sslmode=require", 6432),
    ("jdbc:postgresql://db.example.com/orders", 5432),
    ("redis://cache.example.com", 6379),
    ("rediss://:token@cache.example.com:6380/0", 6380),
    ("neo4j+s://graph.internal.example.com", 7687),
    ("mysql://app@db.example.com/app", 3306),
    ("mongodb://db", 27017),
    ("mongodb+srv://cluster0.abcde.mongodb.net/app", 27017),
    ("amqp://guest@mq.example.com", 5672),
    ("amqps://mq.example.com", 5671),
    ("db.example.com:5432", 5432),
    ("cache.example.com:6379", 6379),
    ("host:5432", 5432),
    ("10.0.12.7:3306", 3306),
    ("[2001:db8::7]:9042", 9042),
    ("https://api.example.com:8443/v1", 8443),
    ("http://search.example.com:9200", 9200),
    // A joiner after `://` makes `/` and it one character; the scheme is still found.
    ("postgres://\u{200D}db:5441", 5441),
  ])
  func endpoint(value: String, port: Int) {
    #expect(NetworkEndpoints.endpoints(in: value).map(\.port) == [port])
  }

  @Test func hostListsAndMultiHostURLs() {
    #expect(
      NetworkEndpoints.endpoints(in: "b-1.kafka.example.com:9092, b-2.kafka.example.com:9094")
        .map(\.port) == [9092, 9094])
    #expect(
      NetworkEndpoints.endpoints(in: "postgresql://a.example.com:5432,b.example.com:5433/orders")
        .map(\.port) == [5432, 5433])
    // A comma in the query string is not another host.
    #expect(
      NetworkEndpoints.endpoints(in: "postgres://db.example.com:6000/orders?options=a,b")
        .map(\.port) == [6000])
  }

  /// Ordinary values that must never be read as endpoints.
  @Test(arguments: [
    "12:30", "12:30:45", "2026-11-23T03:24:56Z", "arn:aws:sns:eu-west-2:123456789012:orders",
    "arn:aws:iam::123456789012:role/orders", "https://payments.example.com",
    "https://payments.example.com:443/v1", "http://example.com/schema", "4", "8080", "on",
    "postgres:16", "node:20-alpine", "public.ecr.aws/nginx/nginx:1.27", "nginx:1.27",
    "localhost:6379", "redis://localhost:6379", "http://127.0.0.1:4318", "0.0.0.0:8000",
    "http://169.254.170.2/v2/metadata", "[::1]:5432", "key=value:1234 other", "a:b:c",
    "1.2:3", "file:///var/run/app.sock", "s3://bucket/key", "/orders/prod/db-password",
    "Europe/London", "user@example.com", "ratio:0.5", "unknown://host.example.com",
  ])
  func notAnEndpointOnAnotherPort(value: String) {
    let ports = NetworkEndpoints.endpoints(in: value).map(\.port).filter { $0 != 443 }
    #expect(ports.isEmpty, "\(value) read as ports \(ports)")
  }
}
