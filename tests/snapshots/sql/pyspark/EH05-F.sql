SELECT
  *
FROM (
  SELECT
    `t12`.`month`,
    `t17`.`area`,
    COALESCE(CAST(`t34`.`numerator` AS DOUBLE), 0.0) AS `value`,
    COALESCE(CAST(`t34`.`numerator` AS DOUBLE), 0.0) AS `numerator`,
    CAST(NULL AS DOUBLE) AS `denominator`
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
    ) AS `t14`
  ) AS `t17`
  LEFT OUTER JOIN (
    SELECT
      `t13`.`month`,
      `t17`.`area`,
      SUM(COALESCE(`t32`.`numerator`, 0)) OVER (
        PARTITION BY `t17`.`area`
        ORDER BY `t13`.`month_index` ASC NULLS LAST
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
      ) AS `numerator`
    FROM (
      SELECT
        `t0`.`month`,
        `t0`.`month_index`
      FROM `memtable_1` AS `t0`
    ) AS `t13`
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
      ) AS `t14`
    ) AS `t17`
    LEFT OUTER JOIN (
      SELECT
        `t30`.`area`,
        `t30`.`month_index`,
        SUM(IF(`t30`.`span_column` = 'numerator', `t30`.`change`, NULL)) AS `numerator`
      FROM (
        SELECT
          `t29`.`area`,
          `t29`.`span_column`,
          IF(`t29`.`span_end` = 1, `t29`.`hi` + 1, `t29`.`lo`) AS `month_index`,
          IF(`t29`.`span_end` = 1, -1, 1) AS `change`
        FROM (
          SELECT
            `t28`.`area`,
            `t28`.`hi`,
            `t28`.`lo`,
            `t6`.`span_column`,
            `t6`.`span_end`
          FROM (
            SELECT
              *
            FROM (
              SELECT
                `t25`.`area`,
                `t25`.`hi`,
                IF(
                  (
                    `t25`.`reach` IS NULL
                  ) OR (
                    `t25`.`lo` > `t25`.`reach`
                  ),
                  `t25`.`lo`,
                  `t25`.`reach` + 1
                ) AS `lo`
              FROM (
                SELECT
                  `t24`.`district`,
                  `t24`.`family_id`,
                  `t24`.`start_date`,
                  `t24`.`end_date`,
                  `t24`.`lo`,
                  `t24`.`hi`,
                  `t24`.`area`,
                  MAX(`t24`.`hi`) OVER (
                    PARTITION BY `t24`.`area`, `t24`.`family_id`
                    ORDER BY `t24`.`lo` ASC NULLS LAST, `t24`.`hi` ASC NULLS LAST
                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
                  ) AS `reach`
                FROM (
                  SELECT
                    `t23`.`district`,
                    `t23`.`family_id`,
                    `t23`.`start_date`,
                    `t23`.`end_date`,
                    `t23`.`lo`,
                    `t23`.`hi`,
                    `t23`.`area`
                  FROM (
                    SELECT
                      `t22`.`district`,
                      `t22`.`family_id`,
                      `t22`.`start_date`,
                      `t22`.`end_date`,
                      `t22`.`lo`,
                      `t22`.`hi`,
                      `t22`.`spread_copy`,
                      IF(`t22`.`spread_copy` = 0, '', `t22`.`district`) AS `area`
                    FROM (
                      SELECT
                        `t21`.`district`,
                        `t21`.`family_id`,
                        `t21`.`start_date`,
                        `t21`.`end_date`,
                        `t21`.`lo`,
                        `t21`.`hi`,
                        `t7`.`spread_copy`
                      FROM (
                        SELECT
                          *
                        FROM (
                          SELECT
                            `t18`.`district`,
                            `t18`.`family_id`,
                            `t18`.`start_date`,
                            `t18`.`end_date`,
                            IF(
                              (
                                (
                                  (
                                    CAST(EXTRACT(year FROM `t18`.`start_date`) AS BIGINT) * 12
                                  ) + CAST(EXTRACT(month FROM `t18`.`start_date`) AS BIGINT)
                                ) - 1
                              ) < 24234,
                              24234,
                              (
                                (
                                  CAST(EXTRACT(year FROM `t18`.`start_date`) AS BIGINT) * 12
                                ) + CAST(EXTRACT(month FROM `t18`.`start_date`) AS BIGINT)
                              ) - 1
                            ) AS `lo`,
                            IF(
                              COALESCE(
                                (
                                  (
                                    (
                                      CAST(EXTRACT(year FROM `t18`.`end_date`) AS BIGINT) * 12
                                    ) + CAST(EXTRACT(month FROM `t18`.`end_date`) AS BIGINT)
                                  ) - 1
                                ) - 1,
                                24245
                              ) > 24245,
                              24245,
                              COALESCE(
                                (
                                  (
                                    (
                                      CAST(EXTRACT(year FROM `t18`.`end_date`) AS BIGINT) * 12
                                    ) + CAST(EXTRACT(month FROM `t18`.`end_date`) AS BIGINT)
                                  ) - 1
                                ) - 1,
                                24245
                              )
                            ) AS `hi`
                          FROM (
                            SELECT
                              `t15`.`district`,
                              `t8`.`family_id`,
                              `t8`.`start_date`,
                              `t8`.`end_date`
                            FROM `eh_episodes` AS `t8`
                            LEFT OUTER JOIN (
                              SELECT
                                `t2`.`team_id`,
                                `t2`.`district`,
                                `t2`.`kind` AS `team_kind`
                              FROM `teams` AS `t2`
                            ) AS `t15`
                              ON `t8`.`team_id` = `t15`.`team_id`
                          ) AS `t18`
                        ) AS `t19`
                        WHERE
                          `t19`.`lo` <= `t19`.`hi`
                      ) AS `t21`
                      CROSS JOIN `memtable_3` AS `t7`
                    ) AS `t22`
                    WHERE
                      (
                        `t22`.`spread_copy` = 0
                      ) OR (
                        `t22`.`district` IS NOT NULL
                      )
                  ) AS `t23`
                ) AS `t24`
              ) AS `t25`
            ) AS `t26`
            WHERE
              `t26`.`lo` <= `t26`.`hi`
          ) AS `t28`
          CROSS JOIN `memtable_4` AS `t6`
        ) AS `t29`
        WHERE
          `t29`.`lo` <= `t29`.`hi`
      ) AS `t30`
      GROUP BY
        1,
        2
    ) AS `t32`
      ON `t17`.`area` = `t32`.`area` AND `t13`.`month_index` = `t32`.`month_index`
  ) AS `t34`
    ON `t12`.`month` = `t34`.`month` AND `t17`.`area` = `t34`.`area`
) AS `t35`
ORDER BY
  `t35`.`month` ASC NULLS LAST,
  `t35`.`area` ASC NULLS LAST
