WITH [t26] AS (
  SELECT
    [t23].[episode_id],
    [t23].[family_id],
    [t23].[district],
    [t23].[end_date]
  FROM (
    SELECT
      [t10].[episode_id],
      [t10].[family_id],
      [t10].[team_id],
      [t10].[start_date],
      [t10].[end_date],
      [t10].[outcome],
      [t18].[team_id] AS [team_id_right],
      [t18].[district],
      [t18].[team_kind]
    FROM [eh_episodes] AS [t10]
    LEFT OUTER JOIN (
      SELECT
        [t2].[team_id],
        [t2].[district],
        [t2].[kind] AS [team_kind]
      FROM [teams] AS [t2]
    ) AS [t18]
      ON [t10].[team_id] = [t18].[team_id]
  ) AS [t23]
  WHERE
    [t23].[outcome] = 'outcomes_achieved' AND [t23].[end_date] IS NOT NULL
)
SELECT
  [t43].[month],
  [t43].[area],
  [t43].[value],
  [t43].[numerator],
  [t43].[denominator]
FROM (
  SELECT
    [t16].[month],
    [t22].[area],
    (
      CAST(COALESCE(CAST([t42].[numerator] AS FLOAT), 0.0) AS FLOAT) / NULLIF(COALESCE(CAST([t42].[denominator] AS FLOAT), 0.0), 0)
    ) * 100.0 AS [value],
    COALESCE(CAST([t42].[numerator] AS FLOAT), 0.0) AS [numerator],
    COALESCE(CAST([t42].[denominator] AS FLOAT), 0.0) AS [denominator]
  FROM (
    SELECT
      [t0].[month]
    FROM [memtable_1] AS [t0]
  ) AS [t16]
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
    ) AS [t17]
  ) AS [t22]
  LEFT OUTER JOIN (
    SELECT
      [t40].[month],
      [t40].[area],
      SUM([t40].[n]) OVER (
        PARTITION BY [t40].[area]
        ORDER BY CASE WHEN [t40].[month] IS NULL THEN 1 ELSE 0 END, [t40].[month] ASC
        ROWS BETWEEN 11 preceding AND CURRENT ROW
      ) AS [numerator],
      SUM([t40].[d]) OVER (
        PARTITION BY [t40].[area]
        ORDER BY CASE WHEN [t40].[month] IS NULL THEN 1 ELSE 0 END, [t40].[month] ASC
        ROWS BETWEEN 11 preceding AND CURRENT ROW
      ) AS [denominator]
    FROM (
      SELECT
        [t8].[month],
        [t22].[area],
        COALESCE([t39].[n], 0) AS [n],
        COALESCE([t39].[d], 0) AS [d]
      FROM [memtable_3] AS [t8]
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
        ) AS [t17]
      ) AS [t22]
      LEFT OUTER JOIN (
        SELECT
          [t37].[month],
          [t37].[area],
          SUM([t37].[numerator]) AS [n],
          SUM([t37].[denominator]) AS [d]
        FROM (
          SELECT
            [t36].[district],
            [t36].[month],
            [t36].[numerator],
            [t36].[denominator],
            [t36].[area]
          FROM (
            SELECT
              [t35].[district],
              [t35].[month],
              [t35].[numerator],
              [t35].[denominator],
              [t35].[spread_copy],
              IIF([t35].[spread_copy] = 0, '', [t35].[district]) AS [area]
            FROM (
              SELECT
                [t34].[district],
                [t34].[month],
                [t34].[numerator],
                [t34].[denominator],
                [t9].[spread_copy]
              FROM (
                SELECT
                  [t27].[district],
                  DATEFROMPARTS(DATEPART(year, [t27].[end_date]), DATEPART(month, [t27].[end_date]), 1) AS [month],
                  CAST(IIF(
                    [t27].[episode_id] IN (
                      SELECT DISTINCT
                        [t31].[episode_id]
                      FROM (
                        SELECT
                          *
                        FROM (
                          SELECT
                            [t28].[episode_id]
                          FROM [t26] AS [t28]
                          INNER JOIN (
                            SELECT
                              [t5].[episode_id] AS [later_id],
                              [t5].[family_id] AS [later_family],
                              [t5].[start_date] AS [later_start]
                            FROM [eh_episodes] AS [t5]
                          ) AS [t19]
                            ON [t19].[later_family] = [t28].[family_id]
                            AND [t19].[later_id] <> [t28].[episode_id]
                            AND [t19].[later_start] >= [t28].[end_date]
                            AND (
                              (
                                (
                                  (
                                    (
                                      (
                                        CAST(DATEPART(year, [t19].[later_start]) AS BIGINT) * 12
                                      ) + CAST(DATEPART(month, [t19].[later_start]) AS BIGINT)
                                    ) - 1
                                  ) - (
                                    (
                                      (
                                        CAST(DATEPART(year, [t28].[end_date]) AS BIGINT) * 12
                                      ) + CAST(DATEPART(month, [t28].[end_date]) AS BIGINT)
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
                                          CAST(DATEPART(year, [t19].[later_start]) AS BIGINT) * 12
                                        ) + CAST(DATEPART(month, [t19].[later_start]) AS BIGINT)
                                      ) - 1
                                    ) - (
                                      (
                                        (
                                          CAST(DATEPART(year, [t28].[end_date]) AS BIGINT) * 12
                                        ) + CAST(DATEPART(month, [t28].[end_date]) AS BIGINT)
                                      ) - 1
                                    )
                                  ) = 3
                                )
                                AND (
                                  DATEPART(day, [t19].[later_start]) <= DATEPART(day, [t28].[end_date])
                                )
                              )
                            )
                        ) AS [t29]
                        UNION ALL
                        SELECT
                          *
                        FROM (
                          SELECT
                            [t28].[episode_id]
                          FROM [t26] AS [t28]
                          INNER JOIN (
                            SELECT
                              [t20].[child_family],
                              [t11].[referral_date]
                            FROM [referrals] AS [t11]
                            INNER JOIN (
                              SELECT
                                [t7].[child_id],
                                [t7].[family_id] AS [child_family]
                              FROM [children] AS [t7]
                            ) AS [t20]
                              ON [t11].[child_id] = [t20].[child_id]
                          ) AS [t25]
                            ON [t25].[child_family] = [t28].[family_id]
                            AND [t25].[referral_date] >= [t28].[end_date]
                            AND (
                              (
                                (
                                  (
                                    (
                                      (
                                        CAST(DATEPART(year, [t25].[referral_date]) AS BIGINT) * 12
                                      ) + CAST(DATEPART(month, [t25].[referral_date]) AS BIGINT)
                                    ) - 1
                                  ) - (
                                    (
                                      (
                                        CAST(DATEPART(year, [t28].[end_date]) AS BIGINT) * 12
                                      ) + CAST(DATEPART(month, [t28].[end_date]) AS BIGINT)
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
                                          CAST(DATEPART(year, [t25].[referral_date]) AS BIGINT) * 12
                                        ) + CAST(DATEPART(month, [t25].[referral_date]) AS BIGINT)
                                      ) - 1
                                    ) - (
                                      (
                                        (
                                          CAST(DATEPART(year, [t28].[end_date]) AS BIGINT) * 12
                                        ) + CAST(DATEPART(month, [t28].[end_date]) AS BIGINT)
                                      ) - 1
                                    )
                                  ) = 3
                                )
                                AND (
                                  DATEPART(day, [t25].[referral_date]) <= DATEPART(day, [t28].[end_date])
                                )
                              )
                            )
                        ) AS [t30]
                      ) AS [t31]
                    ),
                    1,
                    0
                  ) AS BIGINT) AS [numerator],
                  1 AS [denominator]
                FROM [t26] AS [t27]
              ) AS [t34]
              CROSS JOIN [memtable_4] AS [t9]
            ) AS [t35]
            WHERE
              (
                [t35].[spread_copy] = 0
              ) OR (
                [t35].[district] IS NOT NULL
              )
          ) AS [t36]
        ) AS [t37]
        GROUP BY
          [t37].[month],
          [t37].[area]
      ) AS [t39]
        ON [t8].[month] = [t39].[month] AND [t22].[area] = [t39].[area]
    ) AS [t40]
  ) AS [t42]
    ON [t16].[month] = [t42].[month] AND [t22].[area] = [t42].[area]
) AS [t43]
ORDER BY
  CASE WHEN [t43].[month] IS NULL THEN 1 ELSE 0 END, [t43].[month] ASC,
  CASE WHEN [t43].[area] IS NULL THEN 1 ELSE 0 END, [t43].[area] ASC
