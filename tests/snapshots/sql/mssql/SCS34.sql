SELECT
  [t29].[month],
  [t29].[area],
  [t29].[value],
  [t29].[numerator],
  [t29].[denominator]
FROM (
  SELECT
    [t13].[month],
    [t17].[area],
    (
      CAST(COALESCE(CAST([t28].[numerator] AS FLOAT), 0.0) AS FLOAT) / NULLIF(COALESCE(CAST([t28].[denominator] AS FLOAT), 0.0), 0)
    ) * 100.0 AS [value],
    COALESCE(CAST([t28].[numerator] AS FLOAT), 0.0) AS [numerator],
    COALESCE(CAST([t28].[denominator] AS FLOAT), 0.0) AS [denominator]
  FROM (
    SELECT
      [t0].[month]
    FROM [memtable_1] AS [t0]
  ) AS [t13]
  CROSS JOIN (
    SELECT
      *
    FROM [memtable_2] AS [t1]
    UNION ALL
    SELECT
      *
    FROM (
      SELECT DISTINCT
        [t2].[district] AS [area]
      FROM [teams] AS [t2]
      WHERE
        [t2].[district] IS NOT NULL
    ) AS [t14]
  ) AS [t17]
  LEFT OUTER JOIN (
    SELECT
      [t26].[month],
      [t26].[area],
      SUM([t26].[n]) OVER (
        PARTITION BY [t26].[area]
        ORDER BY CASE WHEN [t26].[month] IS NULL THEN 1 ELSE 0 END, [t26].[month] ASC
        ROWS BETWEEN 11 preceding AND CURRENT ROW
      ) AS [numerator],
      SUM([t26].[d]) OVER (
        PARTITION BY [t26].[area]
        ORDER BY CASE WHEN [t26].[month] IS NULL THEN 1 ELSE 0 END, [t26].[month] ASC
        ROWS BETWEEN 11 preceding AND CURRENT ROW
      ) AS [denominator]
    FROM (
      SELECT
        [t7].[month],
        [t17].[area],
        COALESCE([t25].[n], 0) AS [n],
        COALESCE([t25].[d], 0) AS [d]
      FROM [memtable_3] AS [t7]
      CROSS JOIN (
        SELECT
          *
        FROM [memtable_2] AS [t1]
        UNION ALL
        SELECT
          *
        FROM (
          SELECT DISTINCT
            [t2].[district] AS [area]
          FROM [teams] AS [t2]
          WHERE
            [t2].[district] IS NOT NULL
        ) AS [t14]
      ) AS [t17]
      LEFT OUTER JOIN (
        SELECT
          [t23].[month],
          [t23].[area],
          SUM([t23].[numerator]) AS [n],
          SUM([t23].[denominator]) AS [d]
        FROM (
          SELECT
            [t22].[district],
            [t22].[month],
            [t22].[numerator],
            [t22].[denominator],
            [t22].[area]
          FROM (
            SELECT
              [t21].[district],
              [t21].[month],
              [t21].[numerator],
              [t21].[denominator],
              [t21].[spread_copy],
              IIF([t21].[spread_copy] = 0, '', [t21].[district]) AS [area]
            FROM (
              SELECT
                [t20].[district],
                [t20].[month],
                [t20].[numerator],
                [t20].[denominator],
                [t8].[spread_copy]
              FROM (
                SELECT
                  [t18].[district],
                  DATEFROMPARTS(DATEPART(year, [t18].[birthday]), DATEPART(month, [t18].[birthday]), 1) AS [month],
                  CAST(IIF([t18].[activity] IN ('education', 'training', 'employment'), 1, 0) AS BIGINT) AS [numerator],
                  1 AS [denominator]
                FROM (
                  SELECT
                    [t9].[child_id],
                    [t9].[team_id],
                    [t9].[birthday],
                    [t9].[leaver_status],
                    [t9].[contact_date],
                    [t9].[activity],
                    [t15].[team_id] AS [team_id_right],
                    [t15].[district],
                    [t15].[team_kind],
                    [t10].[date_of_birth],
                    [t10].[sex],
                    [t10].[uasc],
                    [t10].[family_id]
                  FROM [care_leaver_contacts] AS [t9]
                  LEFT OUTER JOIN (
                    SELECT
                      [t2].[team_id],
                      [t2].[district],
                      [t2].[kind] AS [team_kind]
                    FROM [teams] AS [t2]
                  ) AS [t15]
                    ON [t9].[team_id] = [t15].[team_id]
                  INNER JOIN [children] AS [t10]
                    ON [t9].[child_id] = [t10].[child_id]
                ) AS [t18]
                WHERE
                  [t18].[leaver_status] IN ('relevant', 'former_relevant')
                  AND (
                    CAST(DATEPART(year, [t18].[birthday]) AS BIGINT) - CAST(DATEPART(year, [t18].[date_of_birth]) AS BIGINT)
                  ) - CAST(IIF(
                    (
                      (
                        DATEPART(month, [t18].[birthday]) * 100
                      ) + DATEPART(day, [t18].[birthday])
                    ) < (
                      (
                        DATEPART(month, [t18].[date_of_birth]) * 100
                      ) + DATEPART(day, [t18].[date_of_birth])
                    ),
                    1,
                    0
                  ) AS BIGINT) BETWEEN 17 AND 21
                  AND [t18].[contact_date] IS NOT NULL
                  AND (
                    (
                      (
                        [t18].[contact_date] <= [t18].[birthday]
                      )
                      AND (
                        (
                          (
                            (
                              (
                                (
                                  CAST(DATEPART(year, [t18].[birthday]) AS BIGINT) * 12
                                ) + CAST(DATEPART(month, [t18].[birthday]) AS BIGINT)
                              ) - 1
                            ) - (
                              (
                                (
                                  CAST(DATEPART(year, [t18].[contact_date]) AS BIGINT) * 12
                                ) + CAST(DATEPART(month, [t18].[contact_date]) AS BIGINT)
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
                                    CAST(DATEPART(year, [t18].[birthday]) AS BIGINT) * 12
                                  ) + CAST(DATEPART(month, [t18].[birthday]) AS BIGINT)
                                ) - 1
                              ) - (
                                (
                                  (
                                    CAST(DATEPART(year, [t18].[contact_date]) AS BIGINT) * 12
                                  ) + CAST(DATEPART(month, [t18].[contact_date]) AS BIGINT)
                                ) - 1
                              )
                            ) = 3
                          )
                          AND (
                            DATEPART(day, [t18].[birthday]) <= DATEPART(day, [t18].[contact_date])
                          )
                        )
                      )
                    )
                    OR (
                      (
                        [t18].[contact_date] >= [t18].[birthday]
                      )
                      AND (
                        (
                          (
                            (
                              (
                                (
                                  CAST(DATEPART(year, [t18].[contact_date]) AS BIGINT) * 12
                                ) + CAST(DATEPART(month, [t18].[contact_date]) AS BIGINT)
                              ) - 1
                            ) - (
                              (
                                (
                                  CAST(DATEPART(year, [t18].[birthday]) AS BIGINT) * 12
                                ) + CAST(DATEPART(month, [t18].[birthday]) AS BIGINT)
                              ) - 1
                            )
                          ) < 1
                        )
                        OR (
                          (
                            (
                              (
                                (
                                  (
                                    CAST(DATEPART(year, [t18].[contact_date]) AS BIGINT) * 12
                                  ) + CAST(DATEPART(month, [t18].[contact_date]) AS BIGINT)
                                ) - 1
                              ) - (
                                (
                                  (
                                    CAST(DATEPART(year, [t18].[birthday]) AS BIGINT) * 12
                                  ) + CAST(DATEPART(month, [t18].[birthday]) AS BIGINT)
                                ) - 1
                              )
                            ) = 1
                          )
                          AND (
                            DATEPART(day, [t18].[contact_date]) <= DATEPART(day, [t18].[birthday])
                          )
                        )
                      )
                    )
                  )
              ) AS [t20]
              CROSS JOIN [memtable_4] AS [t8]
            ) AS [t21]
            WHERE
              (
                [t21].[spread_copy] = 0
              ) OR (
                [t21].[district] IS NOT NULL
              )
          ) AS [t22]
        ) AS [t23]
        GROUP BY
          [t23].[month],
          [t23].[area]
      ) AS [t25]
        ON [t7].[month] = [t25].[month] AND [t17].[area] = [t25].[area]
    ) AS [t26]
  ) AS [t28]
    ON [t13].[month] = [t28].[month] AND [t17].[area] = [t28].[area]
) AS [t29]
ORDER BY
  CASE WHEN [t29].[month] IS NULL THEN 1 ELSE 0 END, [t29].[month] ASC,
  CASE WHEN [t29].[area] IS NULL THEN 1 ELSE 0 END, [t29].[area] ASC
