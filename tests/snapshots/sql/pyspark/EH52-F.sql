WITH `t20` AS (
  SELECT
    `t19`.`district`,
    MAKE_DATE(
      EXTRACT(year FROM `t19`.`completed_date`),
      EXTRACT(month FROM `t19`.`completed_date`),
      1
    ) AS `month`,
    CAST(IF((
      `t13`.`done_day` - `t14`.`given_day`
    ) <= 30, 1, 0) AS BIGINT) AS `numerator`,
    1 AS `denominator`
  FROM (
    SELECT
      *
    FROM (
      SELECT
        `t5`.`assessment_id`,
        `t5`.`family_id`,
        `t5`.`team_id`,
        `t5`.`allocated_date`,
        `t5`.`completed_date`,
        `t12`.`team_id` AS `team_id_right`,
        `t12`.`district`,
        `t12`.`team_kind`
      FROM `eh_assessments` AS `t5`
      LEFT OUTER JOIN (
        SELECT
          `t2`.`team_id`,
          `t2`.`district`,
          `t2`.`kind` AS `team_kind`
        FROM `teams` AS `t2`
      ) AS `t12`
        ON `t5`.`team_id` = `t12`.`team_id`
    ) AS `t17`
    WHERE
      `t17`.`completed_date` IS NOT NULL
  ) AS `t19`
  LEFT OUTER JOIN (
    SELECT
      `t3`.`day` AS `completed_date`,
      `t3`.`working_day` AS `done_day`
    FROM `memtable_1` AS `t3`
  ) AS `t13`
    ON `t19`.`completed_date` = `t13`.`completed_date`
  LEFT OUTER JOIN (
    SELECT
      `t3`.`day` AS `allocated_date`,
      `t3`.`working_day` AS `given_day`
    FROM `memtable_1` AS `t3`
  ) AS `t14`
    ON `t19`.`allocated_date` = `t14`.`allocated_date`
)
SELECT
  *
FROM (
  SELECT
    `t10`.`month`,
    `t16`.`area`,
    (
      COALESCE(CAST(`t26`.`numerator` AS DOUBLE), 0.0) / NULLIF(COALESCE(CAST(`t26`.`denominator` AS DOUBLE), 0.0), 0)
    ) * 100.0 AS `value`,
    COALESCE(CAST(`t26`.`numerator` AS DOUBLE), 0.0) AS `numerator`,
    COALESCE(CAST(`t26`.`denominator` AS DOUBLE), 0.0) AS `denominator`
  FROM (
    SELECT
      `t0`.`month`
    FROM `memtable_2` AS `t0`
  ) AS `t10`
  CROSS JOIN (
    SELECT
      *
    FROM `memtable_3` AS `t1`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT DISTINCT
        `t2`.`district` AS `area`
      FROM `teams` AS `t2`
      WHERE
        `t2`.`district` IS NOT NULL
    ) AS `t11`
  ) AS `t16`
  LEFT OUTER JOIN (
    SELECT
      `t24`.`month`,
      `t24`.`area`,
      SUM(`t24`.`numerator`) AS `numerator`,
      SUM(`t24`.`denominator`) AS `denominator`
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t21`.`district`,
          `t21`.`month`,
          `t21`.`numerator`,
          `t21`.`denominator`,
          '' AS `area`
        FROM `t20` AS `t21`
      ) AS `t22`
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          `t21`.`district`,
          `t21`.`month`,
          `t21`.`numerator`,
          `t21`.`denominator`,
          `t21`.`district` AS `area`
        FROM `t20` AS `t21`
        WHERE
          `t21`.`district` IS NOT NULL
      ) AS `t23`
    ) AS `t24`
    GROUP BY
      1,
      2
  ) AS `t26`
    ON `t10`.`month` = `t26`.`month` AND `t16`.`area` = `t26`.`area`
) AS `t27`
ORDER BY
  `t27`.`month` ASC NULLS LAST,
  `t27`.`area` ASC NULLS LAST
