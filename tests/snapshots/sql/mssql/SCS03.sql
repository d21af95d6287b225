WITH [t15] AS (
  SELECT
    [t14].[referral_id],
    [t14].[child_id],
    [t14].[referral_date],
    [t14].[source],
    [t14].[outcome],
    [t14].[team_id],
    [t14].[team_id_right],
    [t14].[district],
    [t14].[team_kind],
    LAG([t14].[referral_date]) OVER (
      PARTITION BY [t14].[child_id]
      ORDER BY CASE WHEN [t14].[referral_date] IS NULL THEN 1 ELSE 0 END, [t14].[referral_date] ASC, CASE WHEN [t14].[referral_id] IS NULL THEN 1 ELSE 0 END, [t14].[referral_id] ASC
    ) AS [previous]
  FROM (
    SELECT
      [t6].[referral_id],
      [t6].[child_id],
      [t6].[referral_date],
      [t6].[source],
      [t6].[outcome],
      [t6].[team_id],
      [t11].[team_id] AS [team_id_right],
      [t11].[district],
      [t11].[team_kind]
    FROM [referrals] AS [t6]
    LEFT OUTER JOIN (
      SELECT
        [t2].[team_id],
        [t2].[district],
        [t2].[kind] AS [team_kind]
      FROM [teams] AS [t2]
    ) AS [t11]
      ON [t6].[team_id] = [t11].[team_id]
  ) AS [t14]
)
SELECT
  [t25].[month],
  [t25].[area],
  [t25].[value],
  [t25].[numerator],
  [t25].[denominator]
FROM (
  SELECT
    [t9].[month],
    [t13].[area],
    (
      CAST(COALESCE(CAST([t24].[numerator] AS FLOAT), 0.0) AS FLOAT) / NULLIF(COALESCE(CAST([t24].[denominator] AS FLOAT), 0.0), 0)
    ) * 100.0 AS [value],
    COALESCE(CAST([t24].[numerator] AS FLOAT), 0.0) AS [numerator],
    COALESCE(CAST([t24].[denominator] AS FLOAT), 0.0) AS [denominator]
  FROM (
    SELECT
      [t0].[month]
    FROM [memtable_1] AS [t0]
  ) AS [t9]
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
    ) AS [t10]
  ) AS [t13]
  LEFT OUTER JOIN (
    SELECT
      [t22].[month],
      [t22].[area],
      SUM([t22].[n]) OVER (
        PARTITION BY [t22].[area]
        ORDER BY CASE WHEN [t22].[month] IS NULL THEN 1 ELSE 0 END, [t22].[month] ASC
        ROWS BETWEEN 11 preceding AND CURRENT ROW
      ) AS [numerator],
      SUM([t22].[d]) OVER (
        PARTITION BY [t22].[area]
        ORDER BY CASE WHEN [t22].[month] IS NULL THEN 1 ELSE 0 END, [t22].[month] ASC
        ROWS BETWEEN 11 preceding AND CURRENT ROW
      ) AS [denominator]
    FROM (
      SELECT
        [t5].[month],
        [t13].[area],
        COALESCE([t21].[n], 0) AS [n],
        COALESCE([t21].[d], 0) AS [d]
      FROM [memtable_3] AS [t5]
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
        ) AS [t10]
      ) AS [t13]
      LEFT OUTER JOIN (
        SELECT
          [t19].[month],
          [t19].[area],
          SUM([t19].[numerator]) AS [n],
          SUM([t19].[denominator]) AS [d]
        FROM (
          SELECT
            *
          FROM (
            SELECT
              [t16].[district],
              DATEFROMPARTS(DATEPART(year, [t16].[referral_date]), DATEPART(month, [t16].[referral_date]), 1) AS [month],
              CAST(IIF(
                (
                  [t16].[previous] IS NOT NULL
                )
                AND (
                  (
                    (
                      (
                        (
                          (
                            CAST(DATEPART(year, [t16].[referral_date]) AS BIGINT) * 12
                          ) + CAST(DATEPART(month, [t16].[referral_date]) AS BIGINT)
                        ) - 1
                      ) - (
                        (
                          (
                            CAST(DATEPART(year, [t16].[previous]) AS BIGINT) * 12
                          ) + CAST(DATEPART(month, [t16].[previous]) AS BIGINT)
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
                              CAST(DATEPART(year, [t16].[referral_date]) AS BIGINT) * 12
                            ) + CAST(DATEPART(month, [t16].[referral_date]) AS BIGINT)
                          ) - 1
                        ) - (
                          (
                            (
                              CAST(DATEPART(year, [t16].[previous]) AS BIGINT) * 12
                            ) + CAST(DATEPART(month, [t16].[previous]) AS BIGINT)
                          ) - 1
                        )
                      ) = 12
                    )
                    AND (
                      DATEPART(day, [t16].[referral_date]) <= DATEPART(day, [t16].[previous])
                    )
                  )
                ),
                1,
                0
              ) AS BIGINT) AS [numerator],
              1 AS [denominator],
              '' AS [area]
            FROM [t15] AS [t16]
          ) AS [t17]
          UNION ALL
          SELECT
            *
          FROM (
            SELECT
              [t16].[district],
              DATEFROMPARTS(DATEPART(year, [t16].[referral_date]), DATEPART(month, [t16].[referral_date]), 1) AS [month],
              CAST(IIF(
                (
                  [t16].[previous] IS NOT NULL
                )
                AND (
                  (
                    (
                      (
                        (
                          (
                            CAST(DATEPART(year, [t16].[referral_date]) AS BIGINT) * 12
                          ) + CAST(DATEPART(month, [t16].[referral_date]) AS BIGINT)
                        ) - 1
                      ) - (
                        (
                          (
                            CAST(DATEPART(year, [t16].[previous]) AS BIGINT) * 12
                          ) + CAST(DATEPART(month, [t16].[previous]) AS BIGINT)
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
                              CAST(DATEPART(year, [t16].[referral_date]) AS BIGINT) * 12
                            ) + CAST(DATEPART(month, [t16].[referral_date]) AS BIGINT)
                          ) - 1
                        ) - (
                          (
                            (
                              CAST(DATEPART(year, [t16].[previous]) AS BIGINT) * 12
                            ) + CAST(DATEPART(month, [t16].[previous]) AS BIGINT)
                          ) - 1
                        )
                      ) = 12
                    )
                    AND (
                      DATEPART(day, [t16].[referral_date]) <= DATEPART(day, [t16].[previous])
                    )
                  )
                ),
                1,
                0
              ) AS BIGINT) AS [numerator],
              1 AS [denominator],
              [t16].[district] AS [area]
            FROM [t15] AS [t16]
            WHERE
              [t16].[district] IS NOT NULL
          ) AS [t18]
        ) AS [t19]
        GROUP BY
          [t19].[month],
          [t19].[area]
      ) AS [t21]
        ON [t5].[month] = [t21].[month] AND [t13].[area] = [t21].[area]
    ) AS [t22]
  ) AS [t24]
    ON [t9].[month] = [t24].[month] AND [t13].[area] = [t24].[area]
) AS [t25]
ORDER BY
  CASE WHEN [t25].[month] IS NULL THEN 1 ELSE 0 END, [t25].[month] ASC,
  CASE WHEN [t25].[area] IS NULL THEN 1 ELSE 0 END, [t25].[area] ASC
