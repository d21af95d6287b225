SELECT
  [t35].[month],
  [t35].[area],
  [t35].[value],
  [t35].[numerator],
  [t35].[denominator]
FROM (
  SELECT
    [t15].[month],
    [t19].[area],
    (
      CAST(COALESCE(CAST([t34].[numerator] AS FLOAT), 0.0) AS FLOAT) / NULLIF(COALESCE(CAST([t34].[denominator] AS FLOAT), 0.0), 0)
    ) * 100.0 AS [value],
    COALESCE(CAST([t34].[numerator] AS FLOAT), 0.0) AS [numerator],
    COALESCE(CAST([t34].[denominator] AS FLOAT), 0.0) AS [denominator]
  FROM (
    SELECT
      [t0].[month]
    FROM [memtable_1] AS [t0]
  ) AS [t15]
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
    ) AS [t16]
  ) AS [t19]
  LEFT OUTER JOIN (
    SELECT
      [t32].[month],
      [t32].[area],
      SUM([t32].[n]) OVER (
        PARTITION BY [t32].[area]
        ORDER BY CASE WHEN [t32].[month] IS NULL THEN 1 ELSE 0 END, [t32].[month] ASC
        ROWS BETWEEN 11 preceding AND CURRENT ROW
      ) AS [numerator],
      SUM([t32].[d]) OVER (
        PARTITION BY [t32].[area]
        ORDER BY CASE WHEN [t32].[month] IS NULL THEN 1 ELSE 0 END, [t32].[month] ASC
        ROWS BETWEEN 11 preceding AND CURRENT ROW
      ) AS [denominator]
    FROM (
      SELECT
        [t8].[month],
        [t19].[area],
        COALESCE([t31].[n], 0) AS [n],
        COALESCE([t31].[d], 0) AS [d]
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
        ) AS [t16]
      ) AS [t19]
      LEFT OUTER JOIN (
        SELECT
          [t29].[month],
          [t29].[area],
          SUM([t29].[numerator]) AS [n],
          SUM([t29].[denominator]) AS [d]
        FROM (
          SELECT DISTINCT
            [t28].[missing_id],
            [t28].[month],
            [t28].[numerator],
            [t28].[denominator],
            [t28].[area]
          FROM (
            SELECT
              [t27].[missing_id],
              [t27].[month],
              [t27].[numerator],
              [t27].[denominator],
              [t27].[area]
            FROM (
              SELECT
                [t26].[missing_id],
                [t26].[district],
                [t26].[month],
                [t26].[numerator],
                [t26].[denominator],
                [t26].[area]
              FROM (
                SELECT
                  [t25].[missing_id],
                  [t25].[district],
                  [t25].[month],
                  [t25].[numerator],
                  [t25].[denominator],
                  [t25].[spread_copy],
                  IIF([t25].[spread_copy] = 0, '', [t25].[district]) AS [area]
                FROM (
                  SELECT
                    [t24].[missing_id],
                    [t22].[district],
                    DATEFROMPARTS(DATEPART(year, [t24].[end_date]), DATEPART(month, [t24].[end_date]), 1) AS [month],
                    CAST(IIF([t24].[interview_date] IS NOT NULL, 1, 0) AS BIGINT) AS [numerator],
                    1 AS [denominator],
                    [t9].[spread_copy]
                  FROM (
                    SELECT
                      [t20].[missing_id],
                      [t20].[child_id],
                      [t20].[start_date],
                      [t20].[end_date],
                      [t20].[interview_date],
                      [t20].[date_of_birth],
                      [t20].[sex],
                      [t20].[uasc],
                      [t20].[family_id]
                    FROM (
                      SELECT
                        [t10].[missing_id],
                        [t10].[child_id],
                        [t10].[start_date],
                        [t10].[end_date],
                        [t10].[interview_date],
                        [t12].[date_of_birth],
                        [t12].[sex],
                        [t12].[uasc],
                        [t12].[family_id]
                      FROM [missing_episodes] AS [t10]
                      INNER JOIN [children] AS [t12]
                        ON [t10].[child_id] = [t12].[child_id]
                    ) AS [t20]
                    WHERE
                      [t20].[end_date] IS NOT NULL
                      AND (
                        (
                          CAST(DATEPART(year, [t20].[start_date]) AS BIGINT) - CAST(DATEPART(year, [t20].[date_of_birth]) AS BIGINT)
                        ) - CAST(IIF(
                          (
                            (
                              DATEPART(month, [t20].[start_date]) * 100
                            ) + DATEPART(day, [t20].[start_date])
                          ) < (
                            (
                              DATEPART(month, [t20].[date_of_birth]) * 100
                            ) + DATEPART(day, [t20].[date_of_birth])
                          ),
                          1,
                          0
                        ) AS BIGINT)
                      ) < 18
                  ) AS [t24]
                  INNER JOIN (
                    SELECT
                      [t17].[district],
                      [t11].[child_id] AS [case_child],
                      [t11].[start_date] AS [case_start],
                      [t11].[end_date] AS [case_end]
                    FROM [cin_episodes] AS [t11]
                    LEFT OUTER JOIN (
                      SELECT
                        [t2].[team_id],
                        [t2].[district],
                        [t2].[kind] AS [team_kind]
                      FROM [teams] AS [t2]
                    ) AS [t17]
                      ON [t11].[team_id] = [t17].[team_id]
                  ) AS [t22]
                    ON [t24].[child_id] = [t22].[case_child]
                    AND [t22].[case_start] <= [t24].[start_date]
                    AND COALESCE([t22].[case_end], DATEFROMPARTS(9999, 12, 31)) > [t24].[start_date]
                  CROSS JOIN [memtable_4] AS [t9]
                ) AS [t25]
                WHERE
                  (
                    [t25].[spread_copy] = 0
                  ) OR (
                    [t25].[district] IS NOT NULL
                  )
              ) AS [t26]
            ) AS [t27]
          ) AS [t28]
        ) AS [t29]
        GROUP BY
          [t29].[month],
          [t29].[area]
      ) AS [t31]
        ON [t8].[month] = [t31].[month] AND [t19].[area] = [t31].[area]
    ) AS [t32]
  ) AS [t34]
    ON [t15].[month] = [t34].[month] AND [t19].[area] = [t34].[area]
) AS [t35]
ORDER BY
  CASE WHEN [t35].[month] IS NULL THEN 1 ELSE 0 END, [t35].[month] ASC,
  CASE WHEN [t35].[area] IS NULL THEN 1 ELSE 0 END, [t35].[area] ASC
