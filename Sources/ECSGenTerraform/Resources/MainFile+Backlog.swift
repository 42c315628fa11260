import ECSGenPlan

extension MainFile {
  /// A worker's scaling on its backlog: target tracking on visible messages per running task
  /// (metric math), and, when it may scale to zero, the alarm and step policy that start the
  /// first task. They attach to the scalable target that `scalingBlocks` renders.
  func backlogScalingBlocks(_ backlog: BacklogScalingPlan) -> [HCLBlock] {
    var blocks = [
      resource(
        "aws_appautoscaling_policy", "backlog",
        scalableTarget(name: backlog.policyName, type: "TargetTrackingScaling") + [
          block(
            "target_tracking_scaling_policy_configuration",
            [
              .set("target_value", .number(backlog.targetMessagesPerTask)),
              .set("scale_in_cooldown", .number(backlog.scaleInCooldownSeconds)),
              .set("scale_out_cooldown", .number(backlog.scaleOutCooldownSeconds)),
              .blankLine,
              block("customized_metric_specification", backlog.metrics.map(trackingMetric)),
            ])
        ])
    ]
    if let wakeUp = backlog.wakeUp { blocks += wakeUpBlocks(wakeUp) }
    return blocks
  }

  /// The policy's name and the scalable target it acts on, then a blank line.
  private func scalableTarget(name: String, type: String) -> [HCLBodyItem] {
    [
      .set("name", .string(name)),
      .set("policy_type", .string(type)),
      .set("service_namespace", ref("aws_appautoscaling_target.this.service_namespace")),
      .set("scalable_dimension", ref("aws_appautoscaling_target.this.scalable_dimension")),
      .set("resource_id", ref("aws_appautoscaling_target.this.resource_id")),
      .blankLine,
    ]
  }

  /// One `metrics` block of a customized metric: an expression, or a metric with its statistic
  /// (target tracking sets the period itself).
  private func trackingMetric(_ query: MetricQueryPlan) -> HCLBodyItem {
    var body = queryHead(query)
    if let metric = query.metric {
      body += [
        .blankLine,
        block(
          "metric_stat",
          [
            .set("stat", .string(metric.stat)),
            .blankLine,
            block(
              "metric",
              [
                .set("namespace", .string(metric.namespace)),
                .set("metric_name", .string(metric.metricName)),
              ]
                + metric.dimensions.map {
                  block(
                    "dimensions",
                    [.set("name", .string($0.name)), .set("value", .string($0.value))])
                }),
          ]),
      ]
    }
    return block("metrics", body)
  }

  /// The alarm "messages wait and no task runs" and the step policy it triggers, which sets the
  /// count to `capacity`; target tracking takes over once a task runs.
  private func wakeUpBlocks(_ wakeUp: WakeUpPlan) -> [HCLBlock] {
    [
      resource(
        "aws_appautoscaling_policy", "wake_up",
        scalableTarget(name: wakeUp.policyName, type: "StepScaling") + [
          block(
            "step_scaling_policy_configuration",
            [
              .set("adjustment_type", .string(wakeUp.adjustmentType)),
              .set("cooldown", .number(wakeUp.cooldownSeconds)),
              .set("metric_aggregation_type", .string(wakeUp.metricAggregationType)),
              .blankLine,
              // One step from the alarm's threshold up: whatever the backlog, start `capacity`.
              block(
                "step_adjustment",
                [
                  .set("metric_interval_lower_bound", .string(String(wakeUp.stepLowerBound))),
                  .set("scaling_adjustment", .number(wakeUp.capacity)),
                ]),
            ])
        ]),
      resource(
        "aws_cloudwatch_metric_alarm", "wake_up",
        [
          .set("alarm_name", .string(wakeUp.alarmName)),
          .set("alarm_description", .string(wakeUp.alarmDescription)),
          .set("comparison_operator", .string(wakeUp.comparisonOperator)),
          .set("threshold", .number(wakeUp.threshold)),
          .set("evaluation_periods", .number(wakeUp.evaluationPeriods)),
          .set("treat_missing_data", .string(wakeUp.treatMissingData)),
          .set("alarm_actions", .list([ref("aws_appautoscaling_policy.wake_up.arn")])),
        ] + wakeUp.metrics.flatMap { [.blankLine, alarmQuery($0)] }),
    ]
  }

  /// One `metric_query` of an alarm: an expression, or a metric with its period and statistic.
  private func alarmQuery(_ query: MetricQueryPlan) -> HCLBodyItem {
    var body = queryHead(query)
    if let metric = query.metric {
      body += [
        .blankLine,
        block(
          "metric",
          [
            .set("namespace", .string(metric.namespace)),
            .set("metric_name", .string(metric.metricName)),
            .set("period", .number(metric.periodSeconds)),
            .set("stat", .string(metric.stat)),
            .set(
              "dimensions",
              .object(metric.dimensions.map { HCLObjectItem($0.name, .string($0.value)) })),
          ]),
      ]
    }
    return block("metric_query", body)
  }

  /// What a tracking metric and an alarm query share: the id, the expression or label, and
  /// whether the query returns the value.
  private func queryHead(_ query: MetricQueryPlan) -> [HCLBodyItem] {
    var body: [HCLBodyItem] = [.set("id", .string(query.id))]
    if let expression = query.expression { body.append(.set("expression", .string(expression))) }
    if let label = query.label { body.append(.set("label", .string(label))) }
    body.append(.set("return_data", .bool(query.returnData)))
    return body
  }
}
