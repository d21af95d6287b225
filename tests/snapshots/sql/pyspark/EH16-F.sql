WITH `t26` AS (
  SELECT
    `t23`.`episode_id`,
    `t23`.`family_id`,
    `t23`.`district`,
    `t23`.`end_date`
  FROM (
    SELECT
      `t10`.`episode_id`,
      `t10`.`family_id`,
      `t10`.`team_id`,
      `t10`.`start_date`,
      `t10`.`end_date`,
      `t10`.`outcome`,
      `t18`.`team_id` AS `team_id_right`,
      `t18`.`district`,
      `t18`.`team_kind`
    FROM `eh_episodes` AS `t10`
    LEFT OUTER JOIN (
      SELECT
        `t2`.`team_id`,
        `t2`.`district`,
        `t2`.`kind` AS `team_kind`
      FROM `teams` AS `t2`
    ) AS `t18`
      ON `t10`.`team_id` = `t18`.`team_id`
  ) AS `t23`
  WHERE
    `t23`.`outcome` = 'outcomes_achieved' AND `t23`.`end_date` IS NOT NULL
)
SELECT
  *
FROM (
  SELECT
    `t16`.`month`,
    `t22`.`area`,
    (
      COALESCE(CAST(`t42`.`numerator` AS DOUBLE), 0.0) / NULLIF(COALESCE(CAST(`t42`.`denominator` AS DOUBLE), 0.0), 0)
    ) * 100.0 AS `value`,
    COALESCE(CAST(`t42`.`numerator` AS DOUBLE), 0.0) AS `numerator`,
    COALESCE(CAST(`t42`.`denominator` AS DOUBLE), 0.0) AS `denominator`
  FROM (
    SELECT
      `t0`.`month`
    FROM `memtable_1` AS `t0`
  ) AS `t16`
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
    ) AS `t17`
  ) AS `t22`
  LEFT OUTER JOIN (
    SELECT
      `t40`.`month`,
      `t40`.`area`,
      SUM(`t40`.`n`) OVER (
        PARTITION BY `t40`.`area`
        ORDER BY `t40`.`month` ASC NULLS LAST
        ROWS BETWEEN 11 PRECEDING AND CURRENT ROW
      ) AS `numerator`,
      SUM(`t40`.`d`) OVER (
        PARTITION BY `t40`.`area`
        ORDER BY `t40`.`month` ASC NULLS LAST
        ROWS BETWEEN 11 PRECEDING AND CURRENT ROW
      ) AS `denominator`
    FROM (
      SELECT
        `t8`.`month`,
        `t22`.`area`,
        COALESCE(`t39`.`n`, 0) AS `n`,
        COALESCE(`t39`.`d`, 0) AS `d`
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
        ) AS `t17`
      ) AS `t22`
      LEFT OUTER JOIN (
        SELECT
          `t37`.`month`,
          `t37`.`area`,
          SUM(`t37`.`numerator`) AS `n`,
          SUM(`t37`.`denominator`) AS `d`
        FROM (
          SELECT
            `t36`.`district`,
            `t36`.`month`,
            `t36`.`numerator`,
            `t36`.`denominator`,
            `t36`.`area`
          FROM (
            SELECT
              `t35`.`district`,
              `t35`.`month`,
              `t35`.`numerator`,
              `t35`.`denominator`,
              `t35`.`spread_copy`,
              IF(`t35`.`spread_copy` = 0, '', `t35`.`district`) AS `area`
            FROM (
              SELECT
                `t34`.`district`,
                `t34`.`month`,
                `t34`.`numerator`,
                `t34`.`denominator`,
                `t9`.`spread_copy`
              FROM (
                SELECT
                  `t27`.`district`,
                  MAKE_DATE(EXTRACT(year FROM `t27`.`end_date`), EXTRACT(month FROM `t27`.`end_date`), 1) AS `month`,
                  CAST(IF(
                    `t27`.`episode_id` IN (
                      SELECT DISTINCT
                        *
                      FROM (
                        SELECT
                          *
                        FROM (
                          SELECT
                            `t28`.`episode_id`
                          FROM `t26` AS `t28`
                          INNER JOIN (
                            SELECT
                              `t5`.`episode_id` AS `later_id`,
                              `t5`.`family_id` AS `later_family`,
                              `t5`.`start_date` AS `later_start`
                            FROM `eh_episodes` AS `t5`
                          ) AS `t19`
                            ON `t19`.`later_family` = `t28`.`family_id`
                            AND `t19`.`later_id` <> `t28`.`episode_id`
                            AND `t19`.`later_start` >= `t28`.`end_date`
                            AND (
                              (
                                (
                                  (
                                    (
                                      (
                                        CAST(EXTRACT(year FROM `t19`.`later_start`) AS BIGINT) * 12
                                      ) + CAST(EXTRACT(month FROM `t19`.`later_start`) AS BIGINT)
                                    ) - 1
                                  ) - (
                                    (
                                      (
                                        CAST(EXTRACT(year FROM `t28`.`end_date`) AS BIGINT) * 12
                                      ) + CAST(EXTRACT(month FROM `t28`.`end_date`) AS BIGINT)
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
                                          CAST(EXTRACT(year FROM `t19`.`later_start`) AS BIGINT) * 12
                                        ) + CAST(EXTRACT(month FROM `t19`.`later_start`) AS BIGINT)
                                      ) - 1
                                    ) - (
                                      (
                                        (
                                          CAST(EXTRACT(year FROM `t28`.`end_date`) AS BIGINT) * 12
                                        ) + CAST(EXTRACT(month FROM `t28`.`end_date`) AS BIGINT)
                                      ) - 1
                                    )
                                  ) = 3
                                )
                                AND (
                                  EXTRACT(day FROM `t19`.`later_start`) <= EXTRACT(day FROM `t28`.`end_date`)
                                )
                              )
                            )
                        ) AS `t29`
                        UNION ALL
                        SELECT
                          *
                        FROM (
                          SELECT
                            `t28`.`episode_id`
                          FROM `t26` AS `t28`
                          INNER JOIN (
                            SELECT
                              `t20`.`child_family`,
                              `t11`.`referral_date`
                            FROM `referrals` AS `t11`
                            INNER JOIN (
                              SELECT
                                `t7`.`child_id`,
                                `t7`.`family_id` AS `child_family`
                              FROM `children` AS `t7`
                            ) AS `t20`
                              ON `t11`.`child_id` = `t20`.`child_id`
                          ) AS `t25`
                            ON `t25`.`child_family` = `t28`.`family_id`
                            AND `t25`.`referral_date` >= `t28`.`end_date`
                            AND (
                              (
                                (
                                  (
                                    (
                                      (
                                        CAST(EXTRACT(year FROM `t25`.`referral_date`) AS BIGINT) * 12
                                      ) + CAST(EXTRACT(month FROM `t25`.`referral_date`) AS BIGINT)
                                    ) - 1
                                  ) - (
                                    (
                                      (
                                        CAST(EXTRACT(year FROM `t28`.`end_date`) AS BIGINT) * 12
                                      ) + CAST(EXTRACT(month FROM `t28`.`end_date`) AS BIGINT)
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
                                          CAST(EXTRACT(year FROM `t25`.`referral_date`) AS BIGINT) * 12
                                        ) + CAST(EXTRACT(month FROM `t25`.`referral_date`) AS BIGINT)
                                      ) - 1
                                    ) - (
                                      (
                                        (
                                          CAST(EXTRACT(year FROM `t28`.`end_date`) AS BIGINT) * 12
                                        ) + CAST(EXTRACT(month FROM `t28`.`end_date`) AS BIGINT)
                                      ) - 1
                                    )
                                  ) = 3
                                )
                                AND (
                                  EXTRACT(day FROM `t25`.`referral_date`) <= EXTRACT(day FROM `t28`.`end_date`)
                                )
                              )
                            )
                        ) AS `t30`
                      ) AS `t31`
                    ),
                    1,
                    0
                  ) AS BIGINT) AS `numerator`,
                  1 AS `denominator`
                FROM `t26` AS `t27`
              ) AS `t34`
              CROSS JOIN `memtable_4` AS `t9`
            ) AS `t35`
            WHERE
              (
                `t35`.`spread_copy` = 0
              ) OR (
                `t35`.`district` IS NOT NULL
              )
          ) AS `t36`
        ) AS `t37`
        GROUP BY
          1,
          2
      ) AS `t39`
        ON `t8`.`month` = `t39`.`month` AND `t22`.`area` = `t39`.`area`
    ) AS `t40`
  ) AS `t42`
    ON `t16`.`month` = `t42`.`month` AND `t22`.`area` = `t42`.`area`
) AS `t43`
ORDER BY
  `t43`.`month` ASC NULLS LAST,
  `t43`.`area` ASC NULLS LAST
