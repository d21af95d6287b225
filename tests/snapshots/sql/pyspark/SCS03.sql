SELECT
  *
FROM (
  SELECT
    `t11`.`month`,
    `t15`.`area`,
    (
      COALESCE(CAST(`t27`.`numerator` AS DOUBLE), 0.0) / NULLIF(COALESCE(CAST(`t27`.`denominator` AS DOUBLE), 0.0), 0)
    ) * 100.0 AS `value`,
    COALESCE(CAST(`t27`.`numerator` AS DOUBLE), 0.0) AS `numerator`,
    COALESCE(CAST(`t27`.`denominator` AS DOUBLE), 0.0) AS `denominator`
  FROM (
    SELECT
      `t0`.`month`
    FROM `memtable_1` AS `t0`
  ) AS `t11`
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
    ) AS `t12`
  ) AS `t15`
  LEFT OUTER JOIN (
    SELECT
      `t25`.`month`,
      `t25`.`area`,
      SUM(`t25`.`n`) OVER (
        PARTITION BY `t25`.`area`
        ORDER BY `t25`.`month` ASC NULLS LAST
        ROWS BETWEEN 11 PRECEDING AND CURRENT ROW
      ) AS `numerator`,
      SUM(`t25`.`d`) OVER (
        PARTITION BY `t25`.`area`
        ORDER BY `t25`.`month` ASC NULLS LAST
        ROWS BETWEEN 11 PRECEDING AND CURRENT ROW
      ) AS `denominator`
    FROM (
      SELECT
        `t6`.`month`,
        `t15`.`area`,
        COALESCE(`t24`.`n`, 0) AS `n`,
        COALESCE(`t24`.`d`, 0) AS `d`
      FROM `memtable_3` AS `t6`
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
        ) AS `t12`
      ) AS `t15`
      LEFT OUTER JOIN (
        SELECT
          `t22`.`month`,
          `t22`.`area`,
          SUM(`t22`.`numerator`) AS `n`,
          SUM(`t22`.`denominator`) AS `d`
        FROM (
          SELECT
            `t21`.`district`,
            `t21`.`month`,
            `t21`.`numerator`,
            `t21`.`denominator`,
            `t21`.`area`
          FROM (
            SELECT
              `t20`.`district`,
              `t20`.`month`,
              `t20`.`numerator`,
              `t20`.`denominator`,
              `t20`.`spread_copy`,
              IF(`t20`.`spread_copy` = 0, '', `t20`.`district`) AS `area`
            FROM (
              SELECT
                `t19`.`district`,
                `t19`.`month`,
                `t19`.`numerator`,
                `t19`.`denominator`,
                `t7`.`spread_copy`
              FROM (
                SELECT
                  `t17`.`district`,
                  MAKE_DATE(
                    EXTRACT(year FROM `t17`.`referral_date`),
                    EXTRACT(month FROM `t17`.`referral_date`),
                    1
                  ) AS `month`,
                  CAST(IF(
                    (
                      `t17`.`previous` IS NOT NULL
                    )
                    AND (
                      (
                        (
                          (
                            (
                              (
                                CAST(EXTRACT(year FROM `t17`.`referral_date`) AS BIGINT) * 12
                              ) + CAST(EXTRACT(month FROM `t17`.`referral_date`) AS BIGINT)
                            ) - 1
                          ) - (
                            (
                              (
                                CAST(EXTRACT(year FROM `t17`.`previous`) AS BIGINT) * 12
                              ) + CAST(EXTRACT(month FROM `t17`.`previous`) AS BIGINT)
                            ) - 1
                          )
                        ) < 12
                      )
                      OR (
                        (
                          (
                            (
                              (
                                (
                                  CAST(EXTRACT(year FROM `t17`.`referral_date`) AS BIGINT) * 12
                                ) + CAST(EXTRACT(month FROM `t17`.`referral_date`) AS BIGINT)
                              ) - 1
                            ) - (
                              (
                                (
                                  CAST(EXTRACT(year FROM `t17`.`previous`) AS BIGINT) * 12
                                ) + CAST(EXTRACT(month FROM `t17`.`previous`) AS BIGINT)
                              ) - 1
                            )
                          ) = 12
                        )
                        AND (
                          EXTRACT(day FROM `t17`.`referral_date`) <= EXTRACT(day FROM `t17`.`previous`)
                        )
                      )
                    ),
                    1,
                    0
                  ) AS BIGINT) AS `numerator`,
                  1 AS `denominator`
                FROM (
                  SELECT
                    `t16`.`referral_id`,
                    `t16`.`child_id`,
                    `t16`.`referral_date`,
                    `t16`.`source`,
                    `t16`.`outcome`,
                    `t16`.`team_id`,
                    `t16`.`team_id_right`,
                    `t16`.`district`,
                    `t16`.`team_kind`,
                    LAG(`t16`.`referral_date`) OVER (
                      PARTITION BY `t16`.`child_id`
                      ORDER BY `t16`.`referral_date` ASC NULLS LAST, `t16`.`referral_id` ASC NULLS LAST
                    ) AS `previous`
                  FROM (
                    SELECT
                      `t8`.`referral_id`,
                      `t8`.`child_id`,
                      `t8`.`referral_date`,
                      `t8`.`source`,
                      `t8`.`outcome`,
                      `t8`.`team_id`,
                      `t13`.`team_id` AS `team_id_right`,
                      `t13`.`district`,
                      `t13`.`team_kind`
                    FROM `referrals` AS `t8`
                    LEFT OUTER JOIN (
                      SELECT
                        `t2`.`team_id`,
                        `t2`.`district`,
                        `t2`.`kind` AS `team_kind`
                      FROM `teams` AS `t2`
                    ) AS `t13`
                      ON `t8`.`team_id` = `t13`.`team_id`
                  ) AS `t16`
                ) AS `t17`
              ) AS `t19`
              CROSS JOIN `memtable_4` AS `t7`
            ) AS `t20`
            WHERE
              (
                `t20`.`spread_copy` = 0
              ) OR (
                `t20`.`district` IS NOT NULL
              )
          ) AS `t21`
        ) AS `t22`
        GROUP BY
          1,
          2
      ) AS `t24`
        ON `t6`.`month` = `t24`.`month` AND `t15`.`area` = `t24`.`area`
    ) AS `t25`
  ) AS `t27`
    ON `t11`.`month` = `t27`.`month` AND `t15`.`area` = `t27`.`area`
) AS `t28`
ORDER BY
  `t28`.`month` ASC NULLS LAST,
  `t28`.`area` ASC NULLS LAST
