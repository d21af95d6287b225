SELECT
  *
FROM (
  SELECT
    `t12`.`month`,
    `t18`.`area`,
    (
      COALESCE(CAST(`t26`.`numerator` AS DOUBLE), 0.0) / NULLIF(COALESCE(CAST(`t26`.`denominator` AS DOUBLE), 0.0), 0)
    ) * 100.0 AS `value`,
    COALESCE(CAST(`t26`.`numerator` AS DOUBLE), 0.0) AS `numerator`,
    COALESCE(CAST(`t26`.`denominator` AS DOUBLE), 0.0) AS `denominator`
  FROM (
    SELECT
      `t0`.`month`
    FROM `memtable_1` AS `t0`
  ) AS `t12`
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
    ) AS `t13`
  ) AS `t18`
  LEFT OUTER JOIN (
    SELECT
      `t24`.`month`,
      `t24`.`area`,
      SUM(`t24`.`numerator`) AS `numerator`,
      SUM(`t24`.`denominator`) AS `denominator`
    FROM (
      SELECT
        `t23`.`district`,
        `t23`.`month`,
        `t23`.`numerator`,
        `t23`.`denominator`,
        `t23`.`area`
      FROM (
        SELECT
          `t22`.`district`,
          `t22`.`month`,
          `t22`.`numerator`,
          `t22`.`denominator`,
          `t22`.`spread_copy`,
          IF(`t22`.`spread_copy` = 0, '', `t22`.`district`) AS `area`
        FROM (
          SELECT
            `t21`.`district`,
            MAKE_DATE(
              EXTRACT(year FROM `t21`.`completed_date`),
              EXTRACT(month FROM `t21`.`completed_date`),
              1
            ) AS `month`,
            CAST(IF((
              `t15`.`done_day` - `t16`.`given_day`
            ) <= 30, 1, 0) AS BIGINT) AS `numerator`,
            1 AS `denominator`,
            `t6`.`spread_copy`
          FROM (
            SELECT
              *
            FROM (
              SELECT
                `t7`.`assessment_id`,
                `t7`.`family_id`,
                `t7`.`team_id`,
                `t7`.`allocated_date`,
                `t7`.`completed_date`,
                `t14`.`team_id` AS `team_id_right`,
                `t14`.`district`,
                `t14`.`team_kind`
              FROM `eh_assessments` AS `t7`
              LEFT OUTER JOIN (
                SELECT
                  `t2`.`team_id`,
                  `t2`.`district`,
                  `t2`.`kind` AS `team_kind`
                FROM `teams` AS `t2`
              ) AS `t14`
                ON `t7`.`team_id` = `t14`.`team_id`
            ) AS `t19`
            WHERE
              `t19`.`completed_date` IS NOT NULL
          ) AS `t21`
          LEFT OUTER JOIN (
            SELECT
              `t4`.`day` AS `completed_date`,
              `t4`.`working_day` AS `done_day`
            FROM `memtable_3` AS `t4`
          ) AS `t15`
            ON `t21`.`completed_date` = `t15`.`completed_date`
          LEFT OUTER JOIN (
            SELECT
              `t4`.`day` AS `allocated_date`,
              `t4`.`working_day` AS `given_day`
            FROM `memtable_3` AS `t4`
          ) AS `t16`
            ON `t21`.`allocated_date` = `t16`.`allocated_date`
          CROSS JOIN `memtable_4` AS `t6`
        ) AS `t22`
        WHERE
          (
            `t22`.`spread_copy` = 0
          ) OR (
            `t22`.`district` IS NOT NULL
          )
      ) AS `t23`
    ) AS `t24`
    GROUP BY
      1,
      2
  ) AS `t26`
    ON `t12`.`month` = `t26`.`month` AND `t18`.`area` = `t26`.`area`
) AS `t27`
ORDER BY
  `t27`.`month` ASC NULLS LAST,
  `t27`.`area` ASC NULLS LAST
