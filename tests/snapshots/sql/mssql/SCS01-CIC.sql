SELECT
  [t35].[month],
  [t35].[area],
  [t35].[value],
  [t35].[numerator],
  [t35].[denominator]
FROM (
  SELECT
    [t12].[month],
    [t17].[area],
    COALESCE(CAST([t34].[numerator] AS FLOAT), 0.0) AS [value],
    COALESCE(CAST([t34].[numerator] AS FLOAT), 0.0) AS [numerator],
    CAST(NULL AS FLOAT) AS [denominator]
  FROM (
    SELECT
      [t0].[month]
    FROM [memtable_1] AS [t0]
  ) AS [t12]
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
      [t13].[month],
      [t17].[area],
      SUM(COALESCE([t32].[numerator], 0)) OVER (
        PARTITION BY [t17].[area]
        ORDER BY CASE WHEN [t13].[month_index] IS NULL THEN 1 ELSE 0 END, [t13].[month_index] ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
      ) AS [numerator]
    FROM (
      SELECT
        [t0].[month],
        [t0].[month_index]
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
        [t30].[area],
        [t30].[month_index],
        SUM(IIF([t30].[span_column] = 'numerator', [t30].[change], NULL)) AS [numerator]
      FROM (
        SELECT
          [t29].[area],
          [t29].[span_column],
          IIF([t29].[span_end] = 1, [t29].[hi] + 1, [t29].[lo]) AS [month_index],
          IIF([t29].[span_end] = 1, -1, 1) AS [change]
        FROM (
          SELECT
            [t28].[area],
            [t28].[hi],
            [t28].[lo],
            [t6].[span_column],
            [t6].[span_end]
          FROM (
            SELECT
              [t26].[area],
              [t26].[hi],
              [t26].[lo]
            FROM (
              SELECT
                [t25].[area],
                [t25].[hi],
                IIF(
                  (
                    [t25].[reach] IS NULL
                  ) OR (
                    [t25].[lo] > [t25].[reach]
                  ),
                  [t25].[lo],
                  [t25].[reach] + 1
                ) AS [lo]
              FROM (
                SELECT
                  [t24].[district],
                  [t24].[child_id],
                  [t24].[start_date],
                  [t24].[end_date],
                  [t24].[lo],
                  [t24].[hi],
                  [t24].[area],
                  MAX([t24].[hi]) OVER (
                    PARTITION BY [t24].[area], [t24].[child_id]
                    ORDER BY CASE WHEN [t24].[lo] IS NULL THEN 1 ELSE 0 END, [t24].[lo] ASC, CASE WHEN [t24].[hi] IS NULL THEN 1 ELSE 0 END, [t24].[hi] ASC
                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 preceding
                  ) AS [reach]
                FROM (
                  SELECT
                    [t23].[district],
                    [t23].[child_id],
                    [t23].[start_date],
                    [t23].[end_date],
                    [t23].[lo],
                    [t23].[hi],
                    [t23].[area]
                  FROM (
                    SELECT
                      [t22].[district],
                      [t22].[child_id],
                      [t22].[start_date],
                      [t22].[end_date],
                      [t22].[lo],
                      [t22].[hi],
                      [t22].[spread_copy],
                      IIF([t22].[spread_copy] = 0, '', [t22].[district]) AS [area]
                    FROM (
                      SELECT
                        [t21].[district],
                        [t21].[child_id],
                        [t21].[start_date],
                        [t21].[end_date],
                        [t21].[lo],
                        [t21].[hi],
                        [t7].[spread_copy]
                      FROM (
                        SELECT
                          [t19].[district],
                          [t19].[child_id],
                          [t19].[start_date],
                          [t19].[end_date],
                          [t19].[lo],
                          [t19].[hi]
                        FROM (
                          SELECT
                            [t18].[district],
                            [t18].[child_id],
                            [t18].[start_date],
                            [t18].[end_date],
                            IIF(
                              (
                                (
                                  (
                                    CAST(DATEPART(year, [t18].[start_date]) AS BIGINT) * 12
                                  ) + CAST(DATEPART(month, [t18].[start_date]) AS BIGINT)
                                ) - 1
                              ) < 24234,
                              24234,
                              (
                                (
                                  CAST(DATEPART(year, [t18].[start_date]) AS BIGINT) * 12
                                ) + CAST(DATEPART(month, [t18].[start_date]) AS BIGINT)
                              ) - 1
                            ) AS [lo],
                            IIF(
                              COALESCE(
                                (
                                  (
                                    (
                                      CAST(DATEPART(year, [t18].[end_date]) AS BIGINT) * 12
                                    ) + CAST(DATEPART(month, [t18].[end_date]) AS BIGINT)
                                  ) - 1
                                ) - 1,
                                24245
                              ) > 24245,
                              24245,
                              COALESCE(
                                (
                                  (
                                    (
                                      CAST(DATEPART(year, [t18].[end_date]) AS BIGINT) * 12
                                    ) + CAST(DATEPART(month, [t18].[end_date]) AS BIGINT)
                                  ) - 1
                                ) - 1,
                                24245
                              )
                            ) AS [hi]
                          FROM (
                            SELECT
                              [t15].[district],
                              [t8].[child_id],
                              [t8].[start_date],
                              [t8].[end_date]
                            FROM [care_episodes] AS [t8]
                            LEFT OUTER JOIN (
                              SELECT
                                [t2].[team_id],
                                [t2].[district],
                                [t2].[kind] AS [team_kind]
                              FROM [teams] AS [t2]
                            ) AS [t15]
                              ON [t8].[team_id] = [t15].[team_id]
                          ) AS [t18]
                        ) AS [t19]
                        WHERE
                          [t19].[lo] <= [t19].[hi]
                      ) AS [t21]
                      CROSS JOIN [memtable_3] AS [t7]
                    ) AS [t22]
                    WHERE
                      (
                        [t22].[spread_copy] = 0
                      ) OR (
                        [t22].[district] IS NOT NULL
                      )
                  ) AS [t23]
                ) AS [t24]
              ) AS [t25]
            ) AS [t26]
            WHERE
              [t26].[lo] <= [t26].[hi]
          ) AS [t28]
          CROSS JOIN [memtable_4] AS [t6]
        ) AS [t29]
        WHERE
          [t29].[lo] <= [t29].[hi]
      ) AS [t30]
      GROUP BY
        [t30].[area],
        [t30].[month_index]
    ) AS [t32]
      ON [t17].[area] = [t32].[area] AND [t13].[month_index] = [t32].[month_index]
  ) AS [t34]
    ON [t12].[month] = [t34].[month] AND [t17].[area] = [t34].[area]
) AS [t35]
ORDER BY
  CASE WHEN [t35].[month] IS NULL THEN 1 ELSE 0 END, [t35].[month] ASC,
  CASE WHEN [t35].[area] IS NULL THEN 1 ELSE 0 END, [t35].[area] ASC
