SELECT
  *
FROM (
  SELECT
    `t14`.`month`,
    `t19`.`area`,
    COALESCE(CAST(`t38`.`numerator` AS DOUBLE), 0.0) / NULLIF(`t38`.`denominator`, 0) AS `value`,
    COALESCE(CAST(`t38`.`numerator` AS DOUBLE), 0.0) AS `numerator`,
    `t38`.`denominator`
  FROM (
    SELECT
      `t0`.`month`
    FROM `memtable_1` AS `t0`
  ) AS `t14`
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
    ) AS `t15`
  ) AS `t19`
  LEFT OUTER JOIN (
    SELECT
      `t36`.`month`,
      `t36`.`area`,
      `t36`.`numerator`,
      `t33`.`month` AS `month_right`,
      `t33`.`area` AS `area_right`,
      `t33`.`denominator`
    FROM (
      SELECT
        `t34`.`month`,
        `t34`.`area`,
        `t34`.`numerator`
      FROM (
        SELECT
          `t32`.`month`,
          `t32`.`area`,
          SUM(`t32`.`n`) OVER (
            PARTITION BY `t32`.`area`
            ORDER BY `t32`.`month` ASC NULLS LAST
            ROWS BETWEEN 11 PRECEDING AND CURRENT ROW
          ) AS `numerator`,
          SUM(`t32`.`d`) OVER (
            PARTITION BY `t32`.`area`
            ORDER BY `t32`.`month` ASC NULLS LAST
            ROWS BETWEEN 11 PRECEDING AND CURRENT ROW
          ) AS `denominator`
        FROM (
          SELECT
            `t8`.`month`,
            `t19`.`area`,
            COALESCE(`t30`.`n`, 0) AS `n`,
            COALESCE(`t30`.`d`, 0) AS `d`
          FROM `memtable_3` AS `t8`
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
            ) AS `t15`
          ) AS `t19`
          LEFT OUTER JOIN (
            SELECT
              `t26`.`month`,
              `t26`.`area`,
              SUM(`t26`.`numerator`) AS `n`,
              SUM(`t26`.`denominator`) AS `d`
            FROM (
              SELECT
                `t24`.`district`,
                `t24`.`month`,
                `t24`.`numerator`,
                `t24`.`denominator`,
                `t24`.`area`
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
                    `t16`.`district`,
                    MAKE_DATE(EXTRACT(year FROM `t9`.`referral_date`), EXTRACT(month FROM `t9`.`referral_date`), 1) AS `month`,
                    1 AS `numerator`,
                    0 AS `denominator`,
                    `t10`.`spread_copy`
                  FROM `referrals` AS `t9`
                  LEFT OUTER JOIN (
                    SELECT
                      `t2`.`team_id`,
                      `t2`.`district`,
                      `t2`.`kind` AS `team_kind`
                    FROM `teams` AS `t2`
                  ) AS `t16`
                    ON `t9`.`team_id` = `t16`.`team_id`
                  CROSS JOIN `memtable_4` AS `t10`
                ) AS `t22`
                WHERE
                  (
                    `t22`.`spread_copy` = 0
                  ) OR (
                    `t22`.`district` IS NOT NULL
                  )
              ) AS `t24`
            ) AS `t26`
            GROUP BY
              1,
              2
          ) AS `t30`
            ON `t8`.`month` = `t30`.`month` AND `t19`.`area` = `t30`.`area`
        ) AS `t32`
      ) AS `t34`
    ) AS `t36`
    LEFT OUTER JOIN (
      SELECT
        `t29`.`month`,
        `t29`.`area`,
        CAST(`t23`.`population` AS DOUBLE) / 10000 AS `denominator`
      FROM (
        SELECT
          `t25`.`month`,
          `t25`.`area`,
          MAX(`t25`.`year`) AS `year`
        FROM (
          SELECT
            `t7`.`month`,
            `t7`.`month_end`,
            `t7`.`month_index`,
            `t23`.`year`,
            `t23`.`population`,
            `t23`.`area`
          FROM `memtable_1` AS `t7`
          INNER JOIN (
            SELECT
              *
            FROM (
              SELECT
                `t4`.`year`,
                `t4`.`population`,
                `t4`.`district` AS `area`
              FROM `population` AS `t4`
            ) AS `t13`
            UNION ALL
            SELECT
              *
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  `t4`.`year`,
                  SUM(`t4`.`population`) AS `population`,
                  '' AS `area`
                FROM `population` AS `t4`
                GROUP BY
                  1
              ) AS `t17`
            ) AS `t20`
          ) AS `t23`
            ON `t23`.`year` <= (
              EXTRACT(year FROM `t7`.`month`) - 1
            )
        ) AS `t25`
        GROUP BY
          1,
          2
      ) AS `t29`
      INNER JOIN (
        SELECT
          *
        FROM (
          SELECT
            `t4`.`year`,
            `t4`.`population`,
            `t4`.`district` AS `area`
          FROM `population` AS `t4`
        ) AS `t13`
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            *
          FROM (
            SELECT
              `t4`.`year`,
              SUM(`t4`.`population`) AS `population`,
              '' AS `area`
            FROM `population` AS `t4`
            GROUP BY
              1
          ) AS `t17`
        ) AS `t20`
      ) AS `t23`
        ON `t29`.`area` = `t23`.`area` AND `t29`.`year` = `t23`.`year`
    ) AS `t33`
      ON `t36`.`month` = `t33`.`month` AND `t36`.`area` = `t33`.`area`
  ) AS `t38`
    ON `t14`.`month` = `t38`.`month` AND `t19`.`area` = `t38`.`area`
) AS `t39`
ORDER BY
  `t39`.`month` ASC NULLS LAST,
  `t39`.`area` ASC NULLS LAST
