SELECT
  *
FROM (
  SELECT
    `t16`.`month`,
    `t24`.`area`,
    (
      COALESCE(CAST(`t47`.`numerator` AS DOUBLE), 0.0) / NULLIF(COALESCE(CAST(`t47`.`denominator` AS DOUBLE), 0.0), 0)
    ) * 100.0 AS `value`,
    COALESCE(CAST(`t47`.`numerator` AS DOUBLE), 0.0) AS `numerator`,
    COALESCE(CAST(`t47`.`denominator` AS DOUBLE), 0.0) AS `denominator`
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
    ) AS `t18`
  ) AS `t24`
  LEFT OUTER JOIN (
    SELECT
      `t17`.`month`,
      `t24`.`area`,
      SUM(COALESCE(`t45`.`numerator`, 0)) OVER (
        PARTITION BY `t24`.`area`
        ORDER BY `t17`.`month_index` ASC NULLS LAST
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
      ) AS `numerator`,
      SUM(COALESCE(`t45`.`denominator`, 0)) OVER (
        PARTITION BY `t24`.`area`
        ORDER BY `t17`.`month_index` ASC NULLS LAST
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
      ) AS `denominator`
    FROM (
      SELECT
        `t0`.`month`,
        `t0`.`month_index`
      FROM `memtable_1` AS `t0`
    ) AS `t17`
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
      ) AS `t18`
    ) AS `t24`
    LEFT OUTER JOIN (
      SELECT
        `t43`.`area`,
        `t43`.`month_index`,
        SUM(IF(`t43`.`span_column` = 'numerator', `t43`.`change`, NULL)) AS `numerator`,
        SUM(IF(`t43`.`span_column` = 'denominator', `t43`.`change`, NULL)) AS `denominator`
      FROM (
        SELECT
          `t42`.`area`,
          `t42`.`span_column`,
          IF(
            `t42`.`span_end` = 1,
            CASE
              WHEN `t42`.`span_column` = 'numerator'
              THEN `t42`.`hi`
              WHEN `t42`.`span_column` = 'denominator'
              THEN `t42`.`hi`
              ELSE NULL
            END + 1,
            CASE
              WHEN `t42`.`span_column` = 'numerator'
              THEN `t42`.`stable`
              WHEN `t42`.`span_column` = 'denominator'
              THEN `t42`.`lo`
              ELSE NULL
            END
          ) AS `month_index`,
          IF(`t42`.`span_end` = 1, -1, 1) AS `change`
        FROM (
          SELECT
            `t41`.`district`,
            `t41`.`lo`,
            `t41`.`hi`,
            `t41`.`stable`,
            `t41`.`area`,
            `t7`.`span_column`,
            `t7`.`span_end`
          FROM (
            SELECT
              `t39`.`district`,
              `t39`.`lo`,
              `t39`.`hi`,
              `t39`.`stable`,
              `t39`.`area`
            FROM (
              SELECT
                `t38`.`district`,
                `t38`.`lo`,
                `t38`.`hi`,
                `t38`.`stable`,
                `t38`.`spread_copy`,
                IF(`t38`.`spread_copy` = 0, '', `t38`.`district`) AS `area`
              FROM (
                SELECT
                  `t37`.`district`,
                  `t37`.`lo`,
                  `t37`.`hi`,
                  `t37`.`stable`,
                  `t8`.`spread_copy`
                FROM (
                  SELECT
                    `t35`.`district`,
                    IF(
                      `t35`.`lo` < (
                        (
                          (
                            (
                              CAST(EXTRACT(year FROM `t35`.`care_start`) AS BIGINT) * 12
                            ) + CAST(EXTRACT(month FROM `t35`.`care_start`) AS BIGINT)
                          ) - 1
                        ) + 30
                      ),
                      (
                        (
                          (
                            CAST(EXTRACT(year FROM `t35`.`care_start`) AS BIGINT) * 12
                          ) + CAST(EXTRACT(month FROM `t35`.`care_start`) AS BIGINT)
                        ) - 1
                      ) + 30,
                      `t35`.`lo`
                    ) AS `lo`,
                    IF(
                      `t35`.`hi` > (
                        (
                          (
                            (
                              (
                                CAST(EXTRACT(year FROM `t35`.`date_of_birth`) AS BIGINT) * 12
                              ) + CAST(EXTRACT(month FROM `t35`.`date_of_birth`) AS BIGINT)
                            ) - 1
                          ) + 192 + CAST(IF(
                            (
                              EXTRACT(month FROM `t35`.`date_of_birth`) = 2
                            )
                            AND (
                              EXTRACT(day FROM `t35`.`date_of_birth`) = 29
                            )
                            AND NOT (
                              (
                                (
                                  (
                                    CAST(EXTRACT(year FROM `t35`.`date_of_birth`) AS BIGINT) + 16
                                  ) % 4
                                ) = 0
                              )
                              AND (
                                (
                                  (
                                    (
                                      CAST(EXTRACT(year FROM `t35`.`date_of_birth`) AS BIGINT) + 16
                                    ) % 100
                                  ) <> 0
                                )
                                OR (
                                  (
                                    (
                                      CAST(EXTRACT(year FROM `t35`.`date_of_birth`) AS BIGINT) + 16
                                    ) % 400
                                  ) = 0
                                )
                              )
                            ),
                            1,
                            0
                          ) AS BIGINT)
                        ) - 1
                      ),
                      (
                        (
                          (
                            (
                              CAST(EXTRACT(year FROM `t35`.`date_of_birth`) AS BIGINT) * 12
                            ) + CAST(EXTRACT(month FROM `t35`.`date_of_birth`) AS BIGINT)
                          ) - 1
                        ) + 192 + CAST(IF(
                          (
                            EXTRACT(month FROM `t35`.`date_of_birth`) = 2
                          )
                          AND (
                            EXTRACT(day FROM `t35`.`date_of_birth`) = 29
                          )
                          AND NOT (
                            (
                              (
                                (
                                  CAST(EXTRACT(year FROM `t35`.`date_of_birth`) AS BIGINT) + 16
                                ) % 4
                              ) = 0
                            )
                            AND (
                              (
                                (
                                  (
                                    CAST(EXTRACT(year FROM `t35`.`date_of_birth`) AS BIGINT) + 16
                                  ) % 100
                                ) <> 0
                              )
                              OR (
                                (
                                  (
                                    CAST(EXTRACT(year FROM `t35`.`date_of_birth`) AS BIGINT) + 16
                                  ) % 400
                                ) = 0
                              )
                            )
                          ),
                          1,
                          0
                        ) AS BIGINT)
                      ) - 1,
                      `t35`.`hi`
                    ) AS `hi`,
                    IF(
                      IF(
                        `t35`.`lo` < (
                          (
                            (
                              (
                                CAST(EXTRACT(year FROM `t35`.`care_start`) AS BIGINT) * 12
                              ) + CAST(EXTRACT(month FROM `t35`.`care_start`) AS BIGINT)
                            ) - 1
                          ) + 30
                        ),
                        (
                          (
                            (
                              CAST(EXTRACT(year FROM `t35`.`care_start`) AS BIGINT) * 12
                            ) + CAST(EXTRACT(month FROM `t35`.`care_start`) AS BIGINT)
                          ) - 1
                        ) + 30,
                        `t35`.`lo`
                      ) < (
                        (
                          (
                            (
                              CAST(EXTRACT(year FROM IF(
                                `t35`.`placement_type` IN ('A3', 'A4', 'A5', 'A6'),
                                COALESCE(`t35`.`previous_start`, `t35`.`placement_start`),
                                `t35`.`placement_start`
                              )) AS BIGINT) * 12
                            ) + CAST(EXTRACT(month FROM IF(
                              `t35`.`placement_type` IN ('A3', 'A4', 'A5', 'A6'),
                              COALESCE(`t35`.`previous_start`, `t35`.`placement_start`),
                              `t35`.`placement_start`
                            )) AS BIGINT)
                          ) - 1
                        ) + 24
                      ),
                      (
                        (
                          (
                            CAST(EXTRACT(year FROM IF(
                              `t35`.`placement_type` IN ('A3', 'A4', 'A5', 'A6'),
                              COALESCE(`t35`.`previous_start`, `t35`.`placement_start`),
                              `t35`.`placement_start`
                            )) AS BIGINT) * 12
                          ) + CAST(EXTRACT(month FROM IF(
                            `t35`.`placement_type` IN ('A3', 'A4', 'A5', 'A6'),
                            COALESCE(`t35`.`previous_start`, `t35`.`placement_start`),
                            `t35`.`placement_start`
                          )) AS BIGINT)
                        ) - 1
                      ) + 24,
                      IF(
                        `t35`.`lo` < (
                          (
                            (
                              (
                                CAST(EXTRACT(year FROM `t35`.`care_start`) AS BIGINT) * 12
                              ) + CAST(EXTRACT(month FROM `t35`.`care_start`) AS BIGINT)
                            ) - 1
                          ) + 30
                        ),
                        (
                          (
                            (
                              CAST(EXTRACT(year FROM `t35`.`care_start`) AS BIGINT) * 12
                            ) + CAST(EXTRACT(month FROM `t35`.`care_start`) AS BIGINT)
                          ) - 1
                        ) + 30,
                        `t35`.`lo`
                      )
                    ) AS `stable`
                  FROM (
                    SELECT
                      `t34`.`episode_id`,
                      `t34`.`child_id`,
                      `t34`.`district`,
                      `t34`.`start_date`,
                      `t34`.`end_date`,
                      `t34`.`placement_type`,
                      `t34`.`date_of_birth`,
                      `t34`.`care_start`,
                      `t34`.`placement_start`,
                      `t34`.`previous_start`,
                      IF(
                        (
                          (
                            (
                              CAST(EXTRACT(year FROM `t34`.`start_date`) AS BIGINT) * 12
                            ) + CAST(EXTRACT(month FROM `t34`.`start_date`) AS BIGINT)
                          ) - 1
                        ) < 24234,
                        24234,
                        (
                          (
                            CAST(EXTRACT(year FROM `t34`.`start_date`) AS BIGINT) * 12
                          ) + CAST(EXTRACT(month FROM `t34`.`start_date`) AS BIGINT)
                        ) - 1
                      ) AS `lo`,
                      IF(
                        COALESCE(
                          (
                            (
                              (
                                CAST(EXTRACT(year FROM `t34`.`end_date`) AS BIGINT) * 12
                              ) + CAST(EXTRACT(month FROM `t34`.`end_date`) AS BIGINT)
                            ) - 1
                          ) - 1,
                          24245
                        ) > 24245,
                        24245,
                        COALESCE(
                          (
                            (
                              (
                                CAST(EXTRACT(year FROM `t34`.`end_date`) AS BIGINT) * 12
                              ) + CAST(EXTRACT(month FROM `t34`.`end_date`) AS BIGINT)
                            ) - 1
                          ) - 1,
                          24245
                        )
                      ) AS `hi`
                    FROM (
                      SELECT
                        `t9`.`episode_id`,
                        `t9`.`child_id`,
                        `t19`.`district`,
                        `t9`.`start_date`,
                        `t9`.`end_date`,
                        `t9`.`placement_type`,
                        `t22`.`date_of_birth`,
                        `t33`.`care_start`,
                        `t33`.`placement_start`,
                        `t33`.`previous_start`
                      FROM `care_episodes` AS `t9`
                      LEFT OUTER JOIN (
                        SELECT
                          `t2`.`team_id`,
                          `t2`.`district`,
                          `t2`.`kind` AS `team_kind`
                        FROM `teams` AS `t2`
                      ) AS `t19`
                        ON `t9`.`team_id` = `t19`.`team_id`
                      INNER JOIN (
                        SELECT
                          `t6`.`child_id`,
                          `t6`.`date_of_birth`
                        FROM `children` AS `t6`
                      ) AS `t22`
                        ON `t9`.`child_id` = `t22`.`child_id`
                      INNER JOIN (
                        SELECT
                          `t31`.`episode_id`,
                          MAX(`t31`.`care_start`) AS `care_start`,
                          MAX(`t31`.`ep_start`) AS `placement_start`,
                          MAX(IF(`t31`.`rank` = 1, `t31`.`ep_start`, NULL)) AS `previous_start`
                        FROM (
                          SELECT
                            `t30`.`episode_id`,
                            `t30`.`child_id`,
                            `t30`.`own_start`,
                            `t30`.`ep_child`,
                            `t30`.`ep_start`,
                            `t30`.`ep_reason`,
                            `t30`.`care_start`,
                            ROW_NUMBER() OVER (PARTITION BY `t30`.`episode_id` ORDER BY `t30`.`ep_start` DESC) - 1 AS `rank`
                          FROM (
                            SELECT
                              *
                            FROM (
                              SELECT
                                `t20`.`episode_id`,
                                `t20`.`child_id`,
                                `t20`.`own_start`,
                                `t21`.`ep_child`,
                                `t21`.`ep_start`,
                                `t21`.`ep_reason`,
                                `t28`.`care_start`
                              FROM (
                                SELECT
                                  `t5`.`episode_id`,
                                  `t5`.`child_id`,
                                  `t5`.`start_date` AS `own_start`
                                FROM `care_episodes` AS `t5`
                              ) AS `t20`
                              INNER JOIN (
                                SELECT
                                  `t5`.`child_id` AS `ep_child`,
                                  `t5`.`start_date` AS `ep_start`,
                                  `t5`.`reason_new` AS `ep_reason`
                                FROM `care_episodes` AS `t5`
                              ) AS `t21`
                                ON `t20`.`child_id` = `t21`.`ep_child` AND `t21`.`ep_start` <= `t20`.`own_start`
                              INNER JOIN (
                                SELECT
                                  `t26`.`episode_id`,
                                  MAX(`t26`.`ep_start`) AS `care_start`
                                FROM (
                                  SELECT
                                    *
                                  FROM (
                                    SELECT
                                      `t20`.`episode_id`,
                                      `t20`.`child_id`,
                                      `t20`.`own_start`,
                                      `t21`.`ep_child`,
                                      `t21`.`ep_start`,
                                      `t21`.`ep_reason`
                                    FROM (
                                      SELECT
                                        `t5`.`episode_id`,
                                        `t5`.`child_id`,
                                        `t5`.`start_date` AS `own_start`
                                      FROM `care_episodes` AS `t5`
                                    ) AS `t20`
                                    INNER JOIN (
                                      SELECT
                                        `t5`.`child_id` AS `ep_child`,
                                        `t5`.`start_date` AS `ep_start`,
                                        `t5`.`reason_new` AS `ep_reason`
                                      FROM `care_episodes` AS `t5`
                                    ) AS `t21`
                                      ON `t20`.`child_id` = `t21`.`ep_child` AND `t21`.`ep_start` <= `t20`.`own_start`
                                  ) AS `t25`
                                  WHERE
                                    `t25`.`ep_reason` = 'S'
                                ) AS `t26`
                                GROUP BY
                                  1
                              ) AS `t28`
                                ON `t20`.`episode_id` = `t28`.`episode_id`
                            ) AS `t29`
                            WHERE
                              `t29`.`ep_reason` IN ('S', 'P', 'B') AND `t29`.`ep_start` >= `t29`.`care_start`
                          ) AS `t30`
                        ) AS `t31`
                        GROUP BY
                          1
                      ) AS `t33`
                        ON `t9`.`episode_id` = `t33`.`episode_id`
                    ) AS `t34`
                  ) AS `t35`
                  WHERE
                    `t35`.`lo` <= `t35`.`hi`
                ) AS `t37`
                CROSS JOIN `memtable_3` AS `t8`
              ) AS `t38`
              WHERE
                (
                  `t38`.`spread_copy` = 0
                ) OR (
                  `t38`.`district` IS NOT NULL
                )
            ) AS `t39`
          ) AS `t41`
          CROSS JOIN `memtable_4` AS `t7`
        ) AS `t42`
        WHERE
          CASE
            WHEN `t42`.`span_column` = 'numerator'
            THEN `t42`.`stable`
            WHEN `t42`.`span_column` = 'denominator'
            THEN `t42`.`lo`
            ELSE NULL
          END <= CASE
            WHEN `t42`.`span_column` = 'numerator'
            THEN `t42`.`hi`
            WHEN `t42`.`span_column` = 'denominator'
            THEN `t42`.`hi`
            ELSE NULL
          END
      ) AS `t43`
      GROUP BY
        1,
        2
    ) AS `t45`
      ON `t24`.`area` = `t45`.`area` AND `t17`.`month_index` = `t45`.`month_index`
  ) AS `t47`
    ON `t16`.`month` = `t47`.`month` AND `t24`.`area` = `t47`.`area`
) AS `t48`
ORDER BY
  `t48`.`month` ASC NULLS LAST,
  `t48`.`area` ASC NULLS LAST
