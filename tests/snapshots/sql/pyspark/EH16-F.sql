WITH `t24` AS (
  SELECT
    `t21`.`episode_id`,
    `t21`.`family_id`,
    `t21`.`district`,
    `t21`.`end_date`
  FROM (
    SELECT
      `t8`.`episode_id`,
      `t8`.`family_id`,
      `t8`.`team_id`,
      `t8`.`start_date`,
      `t8`.`end_date`,
      `t8`.`outcome`,
      `t16`.`team_id` AS `team_id_right`,
      `t16`.`district`,
      `t16`.`team_kind`
    FROM `eh_episodes` AS `t8`
    LEFT OUTER JOIN (
      SELECT
        `t2`.`team_id`,
        `t2`.`district`,
        `t2`.`kind` AS `team_kind`
      FROM `teams` AS `t2`
    ) AS `t16`
      ON `t8`.`team_id` = `t16`.`team_id`
  ) AS `t21`
  WHERE
    `t21`.`outcome` = 'outcomes_achieved' AND `t21`.`end_date` IS NOT NULL
), `t31` AS (
  SELECT
    `t25`.`district`,
    MAKE_DATE(EXTRACT(year FROM `t25`.`end_date`), EXTRACT(month FROM `t25`.`end_date`), 1) AS `month`,
    CAST(IF(
      `t25`.`episode_id` IN (
        SELECT DISTINCT
          *
        FROM (
          SELECT
            *
          FROM (
            SELECT
              `t26`.`episode_id`
            FROM `t24` AS `t26`
            INNER JOIN (
              SELECT
                `t4`.`episode_id` AS `later_id`,
                `t4`.`family_id` AS `later_family`,
                `t4`.`start_date` AS `later_start`
              FROM `eh_episodes` AS `t4`
            ) AS `t17`
              ON `t17`.`later_family` = `t26`.`family_id`
              AND `t17`.`later_id` <> `t26`.`episode_id`
              AND `t17`.`later_start` >= `t26`.`end_date`
              AND (
                (
                  (
                    (
                      (
                        (
                          CAST(EXTRACT(year FROM `t17`.`later_start`) AS BIGINT) * 12
                        ) + CAST(EXTRACT(month FROM `t17`.`later_start`) AS BIGINT)
                      ) - 1
                    ) - (
                      (
                        (
                          CAST(EXTRACT(year FROM `t26`.`end_date`) AS BIGINT) * 12
                        ) + CAST(EXTRACT(month FROM `t26`.`end_date`) AS BIGINT)
                      ) - 1
                    )
                  ) < 3
                )
                OR (
                  (
                    (
                      (
                        (
                          (
                            CAST(EXTRACT(year FROM `t17`.`later_start`) AS BIGINT) * 12
                          ) + CAST(EXTRACT(month FROM `t17`.`later_start`) AS BIGINT)
                        ) - 1
                      ) - (
                        (
                          (
                            CAST(EXTRACT(year FROM `t26`.`end_date`) AS BIGINT) * 12
                          ) + CAST(EXTRACT(month FROM `t26`.`end_date`) AS BIGINT)
                        ) - 1
                      )
                    ) = 3
                  )
                  AND (
                    EXTRACT(day FROM `t17`.`later_start`) <= EXTRACT(day FROM `t26`.`end_date`)
                  )
                )
              )
          ) AS `t27`
          UNION ALL
          SELECT
            *
          FROM (
            SELECT
              `t26`.`episode_id`
            FROM `t24` AS `t26`
            INNER JOIN (
              SELECT
                `t18`.`child_family`,
                `t9`.`referral_date`
              FROM `referrals` AS `t9`
              INNER JOIN (
                SELECT
                  `t6`.`child_id`,
                  `t6`.`family_id` AS `child_family`
                FROM `children` AS `t6`
              ) AS `t18`
                ON `t9`.`child_id` = `t18`.`child_id`
            ) AS `t23`
              ON `t23`.`child_family` = `t26`.`family_id`
              AND `t23`.`referral_date` >= `t26`.`end_date`
              AND (
                (
                  (
                    (
                      (
                        (
                          CAST(EXTRACT(year FROM `t23`.`referral_date`) AS BIGINT) * 12
                        ) + CAST(EXTRACT(month FROM `t23`.`referral_date`) AS BIGINT)
                      ) - 1
                    ) - (
                      (
                        (
                          CAST(EXTRACT(year FROM `t26`.`end_date`) AS BIGINT) * 12
                        ) + CAST(EXTRACT(month FROM `t26`.`end_date`) AS BIGINT)
                      ) - 1
                    )
                  ) < 3
                )
                OR (
                  (
                    (
                      (
                        (
                          (
                            CAST(EXTRACT(year FROM `t23`.`referral_date`) AS BIGINT) * 12
                          ) + CAST(EXTRACT(month FROM `t23`.`referral_date`) AS BIGINT)
                        ) - 1
                      ) - (
                        (
                          (
                            CAST(EXTRACT(year FROM `t26`.`end_date`) AS BIGINT) * 12
                          ) + CAST(EXTRACT(month FROM `t26`.`end_date`) AS BIGINT)
                        ) - 1
                      )
                    ) = 3
                  )
                  AND (
                    EXTRACT(day FROM `t23`.`referral_date`) <= EXTRACT(day FROM `t26`.`end_date`)
                  )
                )
              )
          ) AS `t28`
        ) AS `t29`
      ),
      1,
      0
    ) AS BIGINT) AS `numerator`,
    1 AS `denominator`
  FROM `t24` AS `t25`
)
SELECT
  *
FROM (
  SELECT
    `t14`.`month`,
    `t20`.`area`,
    (
      COALESCE(CAST(`t40`.`numerator` AS DOUBLE), 0.0) / NULLIF(COALESCE(CAST(`t40`.`denominator` AS DOUBLE), 0.0), 0)
    ) * 100.0 AS `value`,
    COALESCE(CAST(`t40`.`numerator` AS DOUBLE), 0.0) AS `numerator`,
    COALESCE(CAST(`t40`.`denominator` AS DOUBLE), 0.0) AS `denominator`
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
  ) AS `t20`
  LEFT OUTER JOIN (
    SELECT
      `t38`.`month`,
      `t38`.`area`,
      SUM(`t38`.`n`) OVER (
        PARTITION BY `t38`.`area`
        ORDER BY `t38`.`month` ASC NULLS LAST
        ROWS BETWEEN 11 PRECEDING AND CURRENT ROW
      ) AS `numerator`,
      SUM(`t38`.`d`) OVER (
        PARTITION BY `t38`.`area`
        ORDER BY `t38`.`month` ASC NULLS LAST
        ROWS BETWEEN 11 PRECEDING AND CURRENT ROW
      ) AS `denominator`
    FROM (
      SELECT
        `t7`.`month`,
        `t20`.`area`,
        COALESCE(`t37`.`n`, 0) AS `n`,
        COALESCE(`t37`.`d`, 0) AS `d`
      FROM `memtable_3` AS `t7`
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
      ) AS `t20`
      LEFT OUTER JOIN (
        SELECT
          `t35`.`month`,
          `t35`.`area`,
          SUM(`t35`.`numerator`) AS `n`,
          SUM(`t35`.`denominator`) AS `d`
        FROM (
          SELECT
            *
          FROM (
            SELECT
              `t32`.`district`,
              `t32`.`month`,
              `t32`.`numerator`,
              `t32`.`denominator`,
              '' AS `area`
            FROM `t31` AS `t32`
          ) AS `t33`
          UNION ALL
          SELECT
            *
          FROM (
            SELECT
              `t32`.`district`,
              `t32`.`month`,
              `t32`.`numerator`,
              `t32`.`denominator`,
              `t32`.`district` AS `area`
            FROM `t31` AS `t32`
            WHERE
              `t32`.`district` IS NOT NULL
          ) AS `t34`
        ) AS `t35`
        GROUP BY
          1,
          2
      ) AS `t37`
        ON `t7`.`month` = `t37`.`month` AND `t20`.`area` = `t37`.`area`
    ) AS `t38`
  ) AS `t40`
    ON `t14`.`month` = `t40`.`month` AND `t20`.`area` = `t40`.`area`
) AS `t41`
ORDER BY
  `t41`.`month` ASC NULLS LAST,
  `t41`.`area` ASC NULLS LAST
