WITH `t13` AS (
  SELECT
    `t12`.`snapshot_date`,
    `t12`.`worker_id`,
    `t12`.`team_id`,
    `t12`.`cases`,
    `t12`.`team_id_right`,
    `t12`.`district`,
    `t12`.`team_kind`,
    MAKE_DATE(
      EXTRACT(year FROM `t12`.`snapshot_date`),
      EXTRACT(month FROM `t12`.`snapshot_date`),
      1
    ) AS `month`
  FROM (
    SELECT
      `t4`.`snapshot_date`,
      `t4`.`worker_id`,
      `t4`.`team_id`,
      `t4`.`cases`,
      `t9`.`team_id` AS `team_id_right`,
      `t9`.`district`,
      `t9`.`team_kind`
    FROM `caseloads` AS `t4`
    LEFT OUTER JOIN (
      SELECT
        `t2`.`team_id`,
        `t2`.`district`,
        `t2`.`kind` AS `team_kind`
      FROM `teams` AS `t2`
    ) AS `t9`
      ON `t4`.`team_id` = `t9`.`team_id`
  ) AS `t12`
), `t18` AS (
  SELECT
    `t15`.`snapshot_date`,
    `t15`.`worker_id`,
    `t15`.`team_id`,
    `t15`.`cases`,
    `t15`.`team_id_right`,
    `t15`.`district`,
    `t15`.`team_kind`,
    `t15`.`month`,
    `t17`.`latest`
  FROM `t13` AS `t15`
  INNER JOIN (
    SELECT
      `t14`.`month`,
      MAX(`t14`.`snapshot_date`) AS `latest`
    FROM `t13` AS `t14`
    GROUP BY
      1
  ) AS `t17`
    ON `t15`.`month` = `t17`.`month` AND `t15`.`snapshot_date` = `t17`.`latest`
)
SELECT
  *
FROM (
  SELECT
    `t7`.`month`,
    `t11`.`area`,
    COALESCE(CAST(`t24`.`numerator` AS DOUBLE), 0.0) / NULLIF(COALESCE(CAST(`t24`.`denominator` AS DOUBLE), 0.0), 0) AS `value`,
    COALESCE(CAST(`t24`.`numerator` AS DOUBLE), 0.0) AS `numerator`,
    COALESCE(CAST(`t24`.`denominator` AS DOUBLE), 0.0) AS `denominator`
  FROM (
    SELECT
      `t0`.`month`
    FROM `memtable_1` AS `t0`
  ) AS `t7`
  CROSS JOIN (
    SELECT
      *
    FROM `memtable_2` AS `t1`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT DISTINCT
        `t2`.`district` AS `area`
      FROM `teams` AS `t2`
      WHERE
        `t2`.`district` IS NOT NULL
    ) AS `t8`
  ) AS `t11`
  LEFT OUTER JOIN (
    SELECT
      `t22`.`month`,
      `t22`.`area`,
      SUM(`t22`.`numerator`) AS `numerator`,
      SUM(`t22`.`denominator`) AS `denominator`
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t19`.`month`,
          `t19`.`district`,
          `t19`.`cases` AS `numerator`,
          1 AS `denominator`,
          '' AS `area`
        FROM `t18` AS `t19`
        WHERE
          `t19`.`team_kind` = 'cswt' AND `t19`.`district` IS NOT NULL
      ) AS `t20`
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          `t19`.`month`,
          `t19`.`district`,
          `t19`.`cases` AS `numerator`,
          1 AS `denominator`,
          `t19`.`district` AS `area`
        FROM `t18` AS `t19`
        WHERE
          `t19`.`team_kind` = 'cswt' AND `t19`.`district` IS NOT NULL
      ) AS `t21`
    ) AS `t22`
    GROUP BY
      1,
      2
  ) AS `t24`
    ON `t7`.`month` = `t24`.`month` AND `t11`.`area` = `t24`.`area`
) AS `t25`
ORDER BY
  `t25`.`month` ASC NULLS LAST,
  `t25`.`area` ASC NULLS LAST
