WITH `t14` AS (
  SELECT
    `t6`.`audit_id`,
    `t6`.`child_id`,
    `t6`.`team_id`,
    `t6`.`service`,
    `t6`.`audit_date`,
    `t6`.`grade`,
    `t11`.`team_id` AS `team_id_right`,
    `t11`.`district`,
    `t11`.`team_kind`
  FROM `audits` AS `t6`
  LEFT OUTER JOIN (
    SELECT
      `t2`.`team_id`,
      `t2`.`district`,
      `t2`.`kind` AS `team_kind`
    FROM `teams` AS `t2`
  ) AS `t11`
    ON `t6`.`team_id` = `t11`.`team_id`
)
SELECT
  *
FROM (
  SELECT
    `t9`.`month`,
    `t13`.`area`,
    (
      COALESCE(CAST(`t23`.`numerator` AS DOUBLE), 0.0) / NULLIF(COALESCE(CAST(`t23`.`denominator` AS DOUBLE), 0.0), 0)
    ) * 100.0 AS `value`,
    COALESCE(CAST(`t23`.`numerator` AS DOUBLE), 0.0) AS `numerator`,
    COALESCE(CAST(`t23`.`denominator` AS DOUBLE), 0.0) AS `denominator`
  FROM (
    SELECT
      `t0`.`month`
    FROM `memtable_1` AS `t0`
  ) AS `t9`
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
    ) AS `t10`
  ) AS `t13`
  LEFT OUTER JOIN (
    SELECT
      `t21`.`month`,
      `t21`.`area`,
      SUM(`t21`.`n`) OVER (
        PARTITION BY `t21`.`area`
        ORDER BY `t21`.`month` ASC NULLS LAST
        ROWS BETWEEN 11 PRECEDING AND CURRENT ROW
      ) AS `numerator`,
      SUM(`t21`.`d`) OVER (
        PARTITION BY `t21`.`area`
        ORDER BY `t21`.`month` ASC NULLS LAST
        ROWS BETWEEN 11 PRECEDING AND CURRENT ROW
      ) AS `denominator`
    FROM (
      SELECT
        `t5`.`month`,
        `t13`.`area`,
        COALESCE(`t20`.`n`, 0) AS `n`,
        COALESCE(`t20`.`d`, 0) AS `d`
      FROM `memtable_3` AS `t5`
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
        ) AS `t10`
      ) AS `t13`
      LEFT OUTER JOIN (
        SELECT
          `t18`.`month`,
          `t18`.`area`,
          SUM(`t18`.`numerator`) AS `n`,
          SUM(`t18`.`denominator`) AS `d`
        FROM (
          SELECT
            *
          FROM (
            SELECT
              `t15`.`district`,
              MAKE_DATE(EXTRACT(year FROM `t15`.`audit_date`), EXTRACT(month FROM `t15`.`audit_date`), 1) AS `month`,
              CAST(IF(`t15`.`grade` IN ('good', 'outstanding'), 1, 0) AS BIGINT) AS `numerator`,
              1 AS `denominator`,
              '' AS `area`
            FROM `t14` AS `t15`
            WHERE
              `t15`.`service` = 'scs'
          ) AS `t16`
          UNION ALL
          SELECT
            *
          FROM (
            SELECT
              `t15`.`district`,
              MAKE_DATE(EXTRACT(year FROM `t15`.`audit_date`), EXTRACT(month FROM `t15`.`audit_date`), 1) AS `month`,
              CAST(IF(`t15`.`grade` IN ('good', 'outstanding'), 1, 0) AS BIGINT) AS `numerator`,
              1 AS `denominator`,
              `t15`.`district` AS `area`
            FROM `t14` AS `t15`
            WHERE
              `t15`.`service` = 'scs' AND `t15`.`district` IS NOT NULL
          ) AS `t17`
        ) AS `t18`
        GROUP BY
          1,
          2
      ) AS `t20`
        ON `t5`.`month` = `t20`.`month` AND `t13`.`area` = `t20`.`area`
    ) AS `t21`
  ) AS `t23`
    ON `t9`.`month` = `t23`.`month` AND `t13`.`area` = `t23`.`area`
) AS `t24`
ORDER BY
  `t24`.`month` ASC NULLS LAST,
  `t24`.`area` ASC NULLS LAST
