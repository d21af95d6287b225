WITH [t24] AS (
  SELECT
    [t21].[episode_id],
    [t21].[family_id],
    [t21].[district],
    [t21].[end_date]
  FROM (
    SELECT
      [t8].[episode_id],
      [t8].[family_id],
      [t8].[team_id],
      [t8].[start_date],
      [t8].[end_date],
      [t8].[outcome],
      [t16].[team_id] AS [team_id_right],
      [t16].[district],
      [t16].[team_kind]
    FROM [eh_episodes] AS [t8]
    LEFT OUTER JOIN (
      SELECT
        [t2].[team_id],
        [t2].[district],
        [t2].[kind] AS [team_kind]
      FROM [teams] AS [t2]
    ) AS [t16]
      ON [t8].[team_id] = [t16].[team_id]
  ) AS [t21]
  WHERE
    [t21].[outcome] = 'outcomes_achieved' AND [t21].[end_date] IS NOT NULL
), [t31] AS (
  SELECT
    [t25].[district],
    DATEFROMPARTS(DATEPART(year, [t25].[end_date]), DATEPART(month, [t25].[end_date]), 1) AS [month],
    CAST(IIF(
      [t25].[episode_id] IN (
        SELECT DISTINCT
          [t29].[episode_id]
        FROM (
          SELECT
            *
          FROM (
            SELECT
              [t26].[episode_id]
            FROM [t24] AS [t26]
            INNER JOIN (
              SELECT
                [t4].[episode_id] AS [later_id],
                [t4].[family_id] AS [later_family],
                [t4].[start_date] AS [later_start]
              FROM [eh_episodes] AS [t4]
            ) AS [t17]
              ON [t17].[later_family] = [t26].[family_id]
              AND [t17].[later_id] <> [t26].[episode_id]
              AND [t17].[later_start] >= [t26].[end_date]
              AND (
                (
                  (
                    (
                      (
                        (
                          CAST(DATEPART(year, [t17].[later_start]) AS BIGINT) * 12
                        ) + CAST(DATEPART(month, [t17].[later_start]) AS BIGINT)
                      ) - 1
                    ) - (
                      (
                        (
                          CAST(DATEPART(year, [t26].[end_date]) AS BIGINT) * 12
                        ) + CAST(DATEPART(month, [t26].[end_date]) AS BIGINT)
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
                            CAST(DATEPART(year, [t17].[later_start]) AS BIGINT) * 12
                          ) + CAST(DATEPART(month, [t17].[later_start]) AS BIGINT)
                        ) - 1
                      ) - (
                        (
                          (
                            CAST(DATEPART(year, [t26].[end_date]) AS BIGINT) * 12
                          ) + CAST(DATEPART(month, [t26].[end_date]) AS BIGINT)
                        ) - 1
                      )
                    ) = 3
                  )
                  AND (
                    DATEPART(day, [t17].[later_start]) <= DATEPART(day, [t26].[end_date])
                  )
                )
              )
          ) AS [t27]
          UNION ALL
          SELECT
            *
          FROM (
            SELECT
              [t26].[episode_id]
            FROM [t24] AS [t26]
            INNER JOIN (
              SELECT
                [t18].[child_family],
                [t9].[referral_date]
              FROM [referrals] AS [t9]
              INNER JOIN (
                SELECT
                  [t6].[child_id],
                  [t6].[family_id] AS [child_family]
                FROM [children] AS [t6]
              ) AS [t18]
                ON [t9].[child_id] = [t18].[child_id]
            ) AS [t23]
              ON [t23].[child_family] = [t26].[family_id]
              AND [t23].[referral_date] >= [t26].[end_date]
              AND (
                (
                  (
                    (
                      (
                        (
                          CAST(DATEPART(year, [t23].[referral_date]) AS BIGINT) * 12
                        ) + CAST(DATEPART(month, [t23].[referral_date]) AS BIGINT)
                      ) - 1
                    ) - (
                      (
                        (
                          CAST(DATEPART(year, [t26].[end_date]) AS BIGINT) * 12
                        ) + CAST(DATEPART(month, [t26].[end_date]) AS BIGINT)
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
                            CAST(DATEPART(year, [t23].[referral_date]) AS BIGINT) * 12
                          ) + CAST(DATEPART(month, [t23].[referral_date]) AS BIGINT)
                        ) - 1
                      ) - (
                        (
                          (
                            CAST(DATEPART(year, [t26].[end_date]) AS BIGINT) * 12
                          ) + CAST(DATEPART(month, [t26].[end_date]) AS BIGINT)
                        ) - 1
                      )
                    ) = 3
                  )
                  AND (
                    DATEPART(day, [t23].[referral_date]) <= DATEPART(day, [t26].[end_date])
                  )
                )
              )
          ) AS [t28]
        ) AS [t29]
      ),
      1,
      0
    ) AS BIGINT) AS [numerator],
    1 AS [denominator]
  FROM [t24] AS [t25]
)
SELECT
  [t41].[month],
  [t41].[area],
  [t41].[value],
  [t41].[numerator],
  [t41].[denominator]
FROM (
  SELECT
    [t14].[month],
    [t20].[area],
    (
      CAST(COALESCE(CAST([t40].[numerator] AS FLOAT), 0.0) AS FLOAT) / NULLIF(COALESCE(CAST([t40].[denominator] AS FLOAT), 0.0), 0)
    ) * 100.0 AS [value],
    COALESCE(CAST([t40].[numerator] AS FLOAT), 0.0) AS [numerator],
    COALESCE(CAST([t40].[denominator] AS FLOAT), 0.0) AS [denominator]
  FROM (
    SELECT
      [t0].[month]
    FROM [memtable_1] AS [t0]
  ) AS [t14]
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
    ) AS [t15]
  ) AS [t20]
  LEFT OUTER JOIN (
    SELECT
      [t38].[month],
      [t38].[area],
      SUM([t38].[n]) OVER (
        PARTITION BY [t38].[area]
        ORDER BY CASE WHEN [t38].[month] IS NULL THEN 1 ELSE 0 END, [t38].[month] ASC
        ROWS BETWEEN 11 preceding AND CURRENT ROW
      ) AS [numerator],
      SUM([t38].[d]) OVER (
        PARTITION BY [t38].[area]
        ORDER BY CASE WHEN [t38].[month] IS NULL THEN 1 ELSE 0 END, [t38].[month] ASC
        ROWS BETWEEN 11 preceding AND CURRENT ROW
      ) AS [denominator]
    FROM (
      SELECT
        [t7].[month],
        [t20].[area],
        COALESCE([t37].[n], 0) AS [n],
        COALESCE([t37].[d], 0) AS [d]
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
        ) AS [t15]
      ) AS [t20]
      LEFT OUTER JOIN (
        SELECT
          [t35].[month],
          [t35].[area],
          SUM([t35].[numerator]) AS [n],
          SUM([t35].[denominator]) AS [d]
        FROM (
          SELECT
            *
          FROM (
            SELECT
              [t32].[district],
              [t32].[month],
              [t32].[numerator],
              [t32].[denominator],
              '' AS [area]
            FROM [t31] AS [t32]
          ) AS [t33]
          UNION ALL
          SELECT
            *
          FROM (
            SELECT
              [t32].[district],
              [t32].[month],
              [t32].[numerator],
              [t32].[denominator],
              [t32].[district] AS [area]
            FROM [t31] AS [t32]
            WHERE
              [t32].[district] IS NOT NULL
          ) AS [t34]
        ) AS [t35]
        GROUP BY
          [t35].[month],
          [t35].[area]
      ) AS [t37]
        ON [t7].[month] = [t37].[month] AND [t20].[area] = [t37].[area]
    ) AS [t38]
  ) AS [t40]
    ON [t14].[month] = [t40].[month] AND [t20].[area] = [t40].[area]
) AS [t41]
ORDER BY
  CASE WHEN [t41].[month] IS NULL THEN 1 ELSE 0 END, [t41].[month] ASC,
  CASE WHEN [t41].[area] IS NULL THEN 1 ELSE 0 END, [t41].[area] ASC
