"""A minimal AWS CDK app for ecsgen-benchmark's CDK line.

It describes the same service as the benchmark's one-spec figure: a Fargate service from an
existing image behind a public Application Load Balancer, with the given CPU, memory, container
port and health check path. The benchmark times `python app.py --outdir DIR ...` (synthesis only:
nothing is deployed and no AWS account is needed) and compares it with `ecsgen render`.

Run by hand:
    .build/cdk-venv/bin/python Benchmarks/cdk/app.py --outdir /tmp/cdk.out
"""

import argparse

import aws_cdk as cdk
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_ecs_patterns as ecs_patterns


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outdir", required=True, help="where the cloud assembly is written")
    # The defaults match the benchmark's one-spec service (OneServiceSpec.swift); the benchmark
    # passes every value explicitly anyway so that the two cannot drift apart.
    parser.add_argument("--name", default="bench-one")
    parser.add_argument("--image", default="public.ecr.aws/nginx/nginx:1.27")
    parser.add_argument("--cpu", type=int, default=256, help="CPU units (256 = 0.25 vCPU)")
    parser.add_argument("--memory", type=int, default=512, help="memory in MiB")
    parser.add_argument("--port", type=int, default=80, help="the container port")
    parser.add_argument("--health-check-path", default="/health")
    return parser.parse_args()


def main():
    arguments = parse_arguments()
    app = cdk.App(outdir=arguments.outdir)
    # No account or region: an environment-agnostic stack synthesizes without AWS credentials or
    # context lookups, which keeps the timing about synthesis alone.
    stack = cdk.Stack(app, arguments.name)
    service = ecs_patterns.ApplicationLoadBalancedFargateService(
        stack,
        "Service",
        cpu=arguments.cpu,
        memory_limit_mib=arguments.memory,
        desired_count=1,
        public_load_balancer=True,
        listener_port=80,
        task_image_options=ecs_patterns.ApplicationLoadBalancedTaskImageOptions(
            image=ecs.ContainerImage.from_registry(arguments.image),
            container_port=arguments.port,
        ),
    )
    service.target_group.configure_health_check(path=arguments.health_check_path)
    app.synth()


if __name__ == "__main__":
    main()
